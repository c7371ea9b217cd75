namespace RaftOrchestrator.Testing;

public sealed partial class InMemoryClusterClient
{
    /// <summary>Every write attempted, in order. Guarded by <see cref="_gate"/>.</summary>
    private readonly List<RecordedAction> _actions = [];

    /// <summary>A snapshot of the writes attempted so far (seeding is not recorded).</summary>
    public IReadOnlyList<RecordedAction> Actions
    {
        get
        {
            lock (_gate)
            {
                return [.. _actions];
            }
        }
    }

    /// <summary>The successful, not dry-run writes of one verb on one resource ("pods").</summary>
    public IReadOnlyList<RecordedAction> Writes(InMemoryVerb verb, string resource) =>
        [.. Actions.Where(a => a.Verb == verb && a.Resource == resource && a.Succeeded && !a.DryRun)];

    /// <summary>Forgets the writes so far (typically after a test's setup).</summary>
    public void ClearActions()
    {
        lock (_gate)
        {
            _actions.Clear();
        }
    }

    internal void Record(RecordedAction action) => _actions.Add(action);
}
