using RaftOrchestrator.Client.Leader;

namespace RaftOrchestrator.Client.Tests.Leader;

/// <summary>One candidate process of an <see cref="ElectionHarness"/>: an elector over its own faulty view of the store.</summary>
internal sealed class ElectionCandidate(ElectionHarness harness, string identity, int seed) : IDisposable
{
    private CancellationTokenSource? _shutdown;

    public string Identity { get; } = identity;

    public FaultyClusterClient Client { get; } = new(harness.Store, harness.Time);

    public FaultPlan Faults => Client.Faults;

    /// <summary>The elector of the current (or last) process; a restart makes a new one, as a new process would.</summary>
    public LeaderElector? Elector { get; private set; }

    public Task? Run { get; private set; }

    public List<string> ObservedLeaders { get; } = [];

    public bool IsRunning => Run is { IsCompleted: false };

    /// <summary>Starts a new process (a new elector): it campaigns from the next drain on.</summary>
    public void Start(Func<LeadershipTerm, CancellationToken, Task>? onLeading = null)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Identity} is running");
        }
        var options = new LeaderElectionOptions
        {
            LeaseNamespace = ElectionHarness.LeaseNamespace,
            LeaseName = ElectionHarness.LeaseName,
            Identity = Identity,
            JitterSeed = seed,
            OnNewLeader = ObservedLeaders.Add,
        };
        Elector = new LeaderElector(Client, options, harness.Time);
        _shutdown = new CancellationTokenSource();
        CancellationToken token = _shutdown.Token;
        harness.Pump.Run(() => Run = Elector.RunAsync(onLeading ?? LeadUntilCancelledAsync, token));
    }

    /// <summary>Asks the process to shut down (it releases the lease); it has stopped once <see cref="IsRunning"/> is false.</summary>
    public void Stop()
    {
        CancellationTokenSource? shutdown = _shutdown;
        harness.Pump.Run(() => shutdown?.Cancel());
    }

    /// <summary>The default work of a term: note it in the harness and wait for the term's end.</summary>
    private async Task LeadUntilCancelledAsync(LeadershipTerm term, CancellationToken cancellationToken)
    {
        var record = new TermRecord(term.Identity, term.LeaseTransitions, term.AcquireTime);
        harness.Terms.Add(record);
        using CancellationTokenRegistration ended = cancellationToken.Register(() => record.End = harness.Time.GetUtcNow());
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose() => _shutdown?.Dispose();
}
