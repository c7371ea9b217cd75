using System.Collections.Immutable;
using RaftOrchestrator.Storage.Leases;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// The reference model: the whole history as a list of revisions, each the list of its changes in
/// sub-revision order, and the state at revision r obtained by replaying revisions 1..r (kept per
/// revision, sizes are small). Everything else (ranges, compares, events, lease keys, what compaction
/// keeps) is computed from that history with the plainest code possible, with etcd v3 semantics.
/// </summary>
internal sealed class MvccModel
{
    private static readonly ImmutableSortedDictionary<string, ModelKv> s_empty =
        ImmutableSortedDictionary.Create<string, ModelKv>(StringComparer.Ordinal);

    private readonly List<IReadOnlyList<ModelChange>> _revisions = [];
    private readonly List<ImmutableSortedDictionary<string, ModelKv>> _states = [s_empty];
    private readonly SortedDictionary<long, long> _leases = [];

    public long CurrentRevision => _revisions.Count;

    public long CompactRevision { get; private set; }

    /// <summary>The live keys at <paramref name="revision"/> (0: none), in key order.</summary>
    public ImmutableSortedDictionary<string, ModelKv> StateAt(long revision) => _states[checked((int)revision)];

    public IReadOnlyList<ModelChange> ChangesAt(long revision) => _revisions[checked((int)revision - 1)];

    public ModelPutResult Put(PutStoreOp put)
    {
        StoreStatus status = CheckPut(put, StateAt(CurrentRevision));
        if (status != StoreStatus.Ok)
        {
            return new ModelPutResult(status, CurrentRevision, null);
        }
        var batch = new ModelWriteBatch(StateAt(CurrentRevision), CurrentRevision);
        ModelPutResult result = batch.Put(put);
        Commit(batch);
        return result;
    }

    public ModelDeleteResult DeleteRange(RangeSpec range, bool prevKv)
    {
        if (!range.IsValid)
        {
            return ModelDeleteResult.Failed(StoreStatus.InvalidArgument, CurrentRevision);
        }
        var batch = new ModelWriteBatch(StateAt(CurrentRevision), CurrentRevision);
        ModelDeleteResult result = batch.Delete(range, prevKv);
        Commit(batch);
        return result with { Revision = CurrentRevision };
    }

    public ModelRangeResult Range(RangeStoreOp op)
    {
        if (!op.Range.IsValid || op.Limit < 0)
        {
            return ModelRangeResult.Failed(StoreStatus.InvalidArgument, CurrentRevision, CompactRevision);
        }
        long requested = op.Revision.Resolve(CurrentRevision, CompactRevision);
        long revision = requested <= 0 ? CurrentRevision : requested;
        if (revision > CurrentRevision)
        {
            return ModelRangeResult.Failed(StoreStatus.FutureRevision, CurrentRevision, CompactRevision);
        }
        if (revision < CompactRevision)
        {
            return ModelRangeResult.Failed(StoreStatus.Compacted, CurrentRevision, CompactRevision);
        }
        return RangeOn(StateAt(revision), op, revision, CompactRevision);
    }

    public ModelTxnResult Txn(TxnStoreOp txn)
    {
        long current = CurrentRevision, compact = CompactRevision;
        ImmutableSortedDictionary<string, ModelKv> before = StateAt(current);
        if (txn.Compares.Any(c => !c.Range.IsValid))
        {
            return new ModelTxnResult(StoreStatus.InvalidArgument, false, [], current);
        }
        bool succeeded = txn.Compares.All(c => Holds(c, before));
        ImmutableArray<StoreOp> ops = succeeded ? txn.Success : txn.Failure;
        // Every check before anything is applied, in branch order. A put keeping the value or lease needs the key
        // live before the transaction (etcd's check) and still live at its place in the branch.
        var dryRun = new ModelWriteBatch(before, current);
        foreach (StoreOp op in ops)
        {
            StoreStatus status = Check(op, before, current, compact);
            if (status == StoreStatus.Ok && op is PutStoreOp put && (put.IgnoreValue || put.IgnoreLease) && !dryRun.IsLive(put.Key))
            {
                status = StoreStatus.KeyNotFound;
            }
            if (status != StoreStatus.Ok)
            {
                return new ModelTxnResult(status, succeeded, [], current);
            }
            Apply(dryRun, op, current, compact);
        }
        var batch = new ModelWriteBatch(before, current);
        var responses = new List<ModelResult>();
        foreach (StoreOp op in ops)
        {
            responses.Add(Apply(batch, op, current, compact));
        }
        Commit(batch);
        // As implemented (a deliberate choice): every write op answers with the transaction's revision, the new one if
        // anything changed, else the old. (etcd answers a delete that comes before any change with the old revision.)
        for (int i = 0; i < responses.Count; i++)
        {
            responses[i] = responses[i] switch
            {
                ModelPutResult put => put with { Revision = CurrentRevision },
                ModelDeleteResult delete => delete with { Revision = CurrentRevision },
                ModelResult other => other,
            };
        }
        return new ModelTxnResult(StoreStatus.Ok, succeeded, responses, CurrentRevision);
    }

    public StoreStatus Compact(long revision)
    {
        if (revision <= CompactRevision)
        {
            return StoreStatus.Compacted;
        }
        if (revision > CurrentRevision)
        {
            return StoreStatus.FutureRevision;
        }
        CompactRevision = revision;
        return StoreStatus.Ok;
    }

    public StoreStatus GrantLease(long id, long ttl)
    {
        if (id == 0 || ttl <= 0)
        {
            return StoreStatus.InvalidArgument;
        }
        return _leases.TryAdd(id, ttl) ? StoreStatus.Ok : StoreStatus.LeaseExists;
    }

    /// <summary>Removes the lease and deletes its live keys in one revision, in key order (no revision if none).</summary>
    public ModelDeleteResult RevokeLease(long id)
    {
        if (!_leases.Remove(id))
        {
            return ModelDeleteResult.Failed(StoreStatus.LeaseNotFound, CurrentRevision);
        }
        var batch = new ModelWriteBatch(StateAt(CurrentRevision), CurrentRevision);
        List<string> keys = LeaseKeys(id, CurrentRevision);
        foreach (string key in keys)
        {
            batch.Delete(RangeSpec.Single(key), prevKv: false);
        }
        Commit(batch);
        return new ModelDeleteResult(StoreStatus.Ok, CurrentRevision, keys.Count, []);
    }

    /// <summary>Every lease by id, with the number of live keys attached to it.</summary>
    public IReadOnlyList<LeaseInfo> Leases() =>
        [.. _leases.Select(l => new LeaseInfo(l.Key, l.Value, LeaseKeys(l.Key, CurrentRevision).Count))];

    public IReadOnlyList<string> LeaseKeys(long id) => _leases.ContainsKey(id) ? LeaseKeys(id, CurrentRevision) : [];

    /// <summary>
    /// Keys the store still indexes after compacting at C (every key if never compacted): a key stays while it
    /// has a change at or above C, or its newest change below C is a put (readable at C).
    /// </summary>
    public int IndexedKeyCount()
    {
        var newestBelowIsPut = new Dictionary<string, bool>(StringComparer.Ordinal);
        var changedSince = new HashSet<string>(StringComparer.Ordinal);
        for (long r = 1; r <= CurrentRevision; r++)
        {
            foreach (ModelChange change in ChangesAt(r))
            {
                if (r >= CompactRevision)
                {
                    changedSince.Add(change.Key);
                }
                else
                {
                    newestBelowIsPut[change.Key] = !change.IsDelete;
                }
            }
        }
        return newestBelowIsPut.Keys.Union(changedSince, StringComparer.Ordinal)
            .Count(k => changedSince.Contains(k) || newestBelowIsPut[k]);
    }

    /// <summary>Every change from <paramref name="fromRevision"/> on, as watch events (all keys, no filter).</summary>
    public IEnumerable<ModelEvent> Events(long fromRevision)
    {
        for (long r = Math.Max(fromRevision, 1); r <= CurrentRevision; r++)
        {
            ImmutableSortedDictionary<string, ModelKv>.Builder state = StateAt(r - 1).ToBuilder();
            int sub = 0;
            foreach (ModelChange change in ChangesAt(r))
            {
                state.TryGetValue(change.Key, out ModelKv? previous);
                ModelKv kv;
                if (change.IsDelete)
                {
                    kv = new ModelKv(change.Key, "", 0, r, 0, 0);
                    state.Remove(change.Key);
                }
                else
                {
                    kv = ModelWriteBatch.Written(previous, change.Key, change.Value, change.Lease, r);
                    state[change.Key] = kv;
                }
                yield return new ModelEvent(r, sub++, change.IsDelete, kv, previous);
            }
        }
    }

    /// <summary>
    /// A range over one state: filter (counted after filtering, as implemented), count before the limit, sort (a
    /// non-key target with no order ascends; ties in key order), limit, and strip the values of a keys-only read.
    /// </summary>
    public static ModelRangeResult RangeOn(ImmutableSortedDictionary<string, ModelKv> state, RangeStoreOp op, long revision, long compact)
    {
        // etcd: Count is every key in the range; the min/max filters prune only what is returned (and More).
        long inRange = state.Values.Count(kv => op.Range.Contains(kv.Key));
        List<ModelKv> matches = [.. state.Values.Where(kv => op.Range.Contains(kv.Key) && op.Filter.Passes(kv))];
        if (op.CountOnly)
        {
            return new ModelRangeResult(StoreStatus.Ok, [], inRange, false, revision, compact);
        }
        SortOrder order = op.Order == SortOrder.None && op.Target != SortTarget.Key ? SortOrder.Ascend : op.Order;
        IComparer<ModelKv> byTarget = Comparer<ModelKv>.Create((a, b) => op.Target switch
        {
            SortTarget.Version => a.Version.CompareTo(b.Version),
            SortTarget.Create => a.CreateRevision.CompareTo(b.CreateRevision),
            SortTarget.Mod => a.ModRevision.CompareTo(b.ModRevision),
            SortTarget.Value => string.CompareOrdinal(a.Value, b.Value),
            _ => string.CompareOrdinal(a.Key, b.Key),
        });
        IEnumerable<ModelKv> sorted = order switch
        {
            SortOrder.Ascend => matches.OrderBy(kv => kv, byTarget).ThenBy(kv => kv.Key, StringComparer.Ordinal),
            SortOrder.Descend => matches.OrderByDescending(kv => kv, byTarget).ThenBy(kv => kv.Key, StringComparer.Ordinal),
            _ => matches,
        };
        if (op.Limit > 0)
        {
            sorted = sorted.Take(checked((int)op.Limit));
        }
        // etcd sorts the full key-values and strips the values of a keys-only read afterwards.
        List<ModelKv> kvs = [.. sorted.Select(kv => op.KeysOnly ? kv with { Value = "" } : kv)];
        return new ModelRangeResult(StoreStatus.Ok, kvs, inRange, matches.Count > kvs.Count, revision, compact);
    }

    private ModelResult Apply(ModelWriteBatch batch, StoreOp op, long current, long compact) => op switch
    {
        PutStoreOp p => batch.Put(p),
        DeleteStoreOp d => batch.Delete(d.Range, d.PrevKv),
        RangeStoreOp r => RangeInTxn(r, batch, current, compact),
        _ => throw new ArgumentException($"Not a transaction operation: {op}", nameof(op)),
    };

    private StoreStatus CheckPut(PutStoreOp put, ImmutableSortedDictionary<string, ModelKv> state) =>
        put.Key.Length == 0 ? StoreStatus.InvalidArgument
        : put.Lease != 0 && !put.IgnoreLease && !_leases.ContainsKey(put.Lease) ? StoreStatus.LeaseNotFound
        : (put.IgnoreValue || put.IgnoreLease) && !state.ContainsKey(put.Key) ? StoreStatus.KeyNotFound
        : StoreStatus.Ok;

    private ModelRangeResult RangeInTxn(RangeStoreOp op, ModelWriteBatch batch, long current, long compact)
    {
        long requested = op.Revision.Resolve(current, compact);
        return requested > 0
            ? RangeOn(StateAt(requested), op, requested, compact)
            : RangeOn(batch.State, op, batch.ReadRevision, compact);
    }

    /// <summary>What a transaction checks before applying anything (only the branch it takes, as etcd).</summary>
    private StoreStatus Check(StoreOp op, ImmutableSortedDictionary<string, ModelKv> before, long current, long compact)
    {
        switch (op)
        {
            case RangeStoreOp r:
                if (!r.Range.IsValid || r.Limit < 0)
                {
                    return StoreStatus.InvalidArgument;
                }
                long revision = r.Revision.Resolve(current, compact);
                return revision > current ? StoreStatus.FutureRevision
                    : revision > 0 && revision < compact ? StoreStatus.Compacted
                    : StoreStatus.Ok;
            case PutStoreOp p:
                return CheckPut(p, before);
            case DeleteStoreOp d:
                return d.Range.IsValid ? StoreStatus.Ok : StoreStatus.InvalidArgument;
            default:
                throw new ArgumentException($"Not a transaction operation: {op}", nameof(op));
        }
    }

    /// <summary>etcd: every key in the range must match; an empty range compares a zero key-value, except for values (false).</summary>
    private static bool Holds(CompareSpec compare, ImmutableSortedDictionary<string, ModelKv> state)
    {
        List<ModelKv> kvs = [.. state.Values.Where(kv => compare.Range.Contains(kv.Key))];
        if (kvs.Count == 0)
        {
            return compare.Target != CompareTarget.Value && Matches(compare, new ModelKv("", "", 0, 0, 0, 0));
        }
        return kvs.All(kv => Matches(compare, kv));
    }

    private static bool Matches(CompareSpec compare, ModelKv kv)
    {
        int c = compare.Target switch
        {
            CompareTarget.Version => kv.Version.CompareTo(compare.Number),
            CompareTarget.Create => kv.CreateRevision.CompareTo(compare.Number),
            CompareTarget.Mod => kv.ModRevision.CompareTo(compare.Number),
            CompareTarget.Lease => kv.Lease.CompareTo(compare.Number),
            _ => string.CompareOrdinal(kv.Value, compare.Value),
        };
        return compare.Result switch
        {
            CompareResult.Equal => c == 0,
            CompareResult.NotEqual => c != 0,
            CompareResult.Greater => c > 0,
            _ => c < 0,
        };
    }

    private List<string> LeaseKeys(long id, long revision) =>
        [.. StateAt(revision).Values.Where(kv => kv.Lease == id).Select(kv => kv.Key)];

    /// <summary>Appends the batch's changes as a new revision (none if it changed nothing) and replays them.</summary>
    private void Commit(ModelWriteBatch batch)
    {
        if (batch.Changes.Count == 0)
        {
            return;
        }
        long revision = CurrentRevision + 1;
        ImmutableSortedDictionary<string, ModelKv>.Builder state = StateAt(CurrentRevision).ToBuilder();
        foreach (ModelChange change in batch.Changes)
        {
            if (change.IsDelete)
            {
                state.Remove(change.Key);
            }
            else
            {
                state.TryGetValue(change.Key, out ModelKv? previous);
                state[change.Key] = ModelWriteBatch.Written(previous, change.Key, change.Value, change.Lease, revision);
            }
        }
        ImmutableSortedDictionary<string, ModelKv> replayed = state.ToImmutable();
        if (!replayed.SequenceEqual(batch.State))
        {
            throw new InvalidOperationException("Model bug: replaying a revision's changes disagrees with the transaction's view.");
        }
        _revisions.Add([.. batch.Changes]);
        _states.Add(replayed);
    }
}
