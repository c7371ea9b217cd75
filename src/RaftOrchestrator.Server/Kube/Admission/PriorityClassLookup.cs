using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Scheduling;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Server.Kube.Registry;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Kube.Admission;

/// <summary>
/// Reads PriorityClasses for the Priority admission: a named class locally, confirmed after a read barrier when
/// absent (it may have just been created through another replica), and the global default from this replica.
/// </summary>
/// <remarks>
/// The default is looked up on every pod create that names no class, so the decoded classes are kept between
/// calls and re-read only when the prefix's (count, highest mod revision) changes: every write under the prefix
/// either adds a revision above all before it or removes a key, so an unchanged pair means unchanged classes.
/// The cache is one immutable snapshot swapped whole; racing refreshes just both read the store.
/// </remarks>
public sealed class PriorityClassLookup
{
    private readonly ResourceStore<PriorityClass> _store;
    private readonly KeyRange _prefix;
    private Snapshot _snapshot = new(-1, -1, []);

    public PriorityClassLookup(ApiCatalog catalog, KubeStore store)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _store = new ResourceStore<PriorityClass>(catalog.Descriptor<PriorityClass>(), store);
        _prefix = KeyRange.Prefix(_store.PrefixBytes(null));
    }

    public async Task<PriorityClass?> FindAsync(string name, CancellationToken cancellationToken)
    {
        if (_store.Get(null, name) is { } local)
        {
            return local.Value;
        }
        return await _store.Store.ReadBarrierAsync(cancellationToken) == ReadStatus.Ok ? _store.Get(null, name)?.Value : null;
    }

    /// <summary>
    /// The class pods without one get: of the classes marked globalDefault, the one with the lowest value (more than
    /// one can exist after a race between two creates, and Kubernetes resolves it this way); null when none is.
    /// </summary>
    public PriorityClass? GlobalDefault()
    {
        PriorityClass? chosen = null;
        foreach (PriorityClass candidate in Current())
        {
            if (candidate.GlobalDefault && (chosen is null || candidate.Value < chosen.Value))
            {
                chosen = candidate;
            }
        }
        return chosen;
    }

    private IReadOnlyList<PriorityClass> Current()
    {
        RangeResult keys = _store.Store.Range(new RangeRequest(_prefix) { KeysOnly = true });
        long highest = 0;
        foreach (KeyValue kv in keys.Kvs)
        {
            highest = Math.Max(highest, kv.ModRevision);
        }
        Snapshot snapshot = Volatile.Read(ref _snapshot);
        if (snapshot.Count == keys.Kvs.Length && snapshot.HighestModRevision == highest)
        {
            return snapshot.Classes;
        }
        RangeResult full = _store.Store.Range(new RangeRequest(_prefix));
        var classes = new List<PriorityClass>(full.Kvs.Length);
        highest = 0;
        foreach (KeyValue kv in full.Kvs)
        {
            classes.Add(_store.Codec.Decode(kv.Value, kv.ModRevision));
            highest = Math.Max(highest, kv.ModRevision);
        }
        Volatile.Write(ref _snapshot, new Snapshot(full.Kvs.Length, highest, classes));
        return classes;
    }

    private sealed record Snapshot(int Count, long HighestModRevision, IReadOnlyList<PriorityClass> Classes);
}
