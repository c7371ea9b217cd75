using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Testing;

public sealed partial class InMemoryClusterClient
{
    /// <summary>Fault rules in the order added; the first that answers a Status fails the call. Guarded by <see cref="_gate"/>.</summary>
    private readonly List<FaultRule> _faults = [];

    /// <summary>
    /// Makes the next <paramref name="count"/> calls of <paramref name="verb"/> (on <paramref name="resource"/>,
    /// a plural such as "pods"; null: any kind) fail with <paramref name="status"/> before doing anything. A failed
    /// write is still recorded in <see cref="Actions"/>, with the status's code.
    /// </summary>
    public void FailNext(InMemoryVerb verb, Status status, int count = 1, string? resource = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            _faults.Add(new FaultRule(call => call.Verb == verb && (resource is null || call.Resource == resource) ? status : null, count));
        }
    }

    /// <summary>
    /// Fails every call for which <paramref name="rule"/> answers a Status (null: let it through), until the
    /// returned handle is disposed. The rule runs under the client's lock: it must not call the client.
    /// </summary>
    public IDisposable FailWhile(Func<InMemoryCall, Status?> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var fault = new FaultRule(rule, int.MaxValue);
        lock (_gate)
        {
            _faults.Add(fault);
        }
        return new FaultHandle(this, fault);
    }

    /// <summary>The injected failure of this call, if any (consuming one use of a counted rule).</summary>
    internal Status? Fault(InMemoryCall call)
    {
        for (int i = 0; i < _faults.Count; i++)
        {
            FaultRule fault = _faults[i];
            if (fault.Rule(call) is { } status)
            {
                if (fault.Remaining != int.MaxValue && --fault.Remaining == 0)
                {
                    _faults.RemoveAt(i);
                }
                return status;
            }
        }
        return null;
    }

    private sealed class FaultRule(Func<InMemoryCall, Status?> rule, int remaining)
    {
        public Func<InMemoryCall, Status?> Rule { get; } = rule;

        public int Remaining { get; set; } = remaining;
    }

    private sealed class FaultHandle(InMemoryClusterClient owner, FaultRule fault) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._faults.Remove(fault);
            }
        }
    }
}
