using RaftOrchestrator.Storage.Leases;

namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// The write path. Every public write is one transaction: enter the writer gate and the write lock,
/// validate everything first (nothing is applied when a check fails), apply the changes at revision
/// (current + 1, sub 0, 1, ...), publish the revision if anything changed, release the lock, then tell
/// the change listener. The store copies every key and value it keeps; callers' buffers are not retained.
/// </summary>
public sealed partial class KvStore
{
    /// <summary>Changes of the transaction in progress; owned by the writer (see <see cref="IChangeListener"/>).</summary>
    private readonly List<Change> _changes = [];
    private long _writeMain;

    public PutResult Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, in PutOptions options = default)
    {
        if (key.IsEmpty)
        {
            return new PutResult(StoreStatus.InvalidArgument, CurrentRevision, null);
        }
        lock (_writerGate)
        {
            PutResult result;
            _lock.EnterWriteLock();
            try
            {
                BeginWrite();
                StoreStatus status = CheckPut(key, options);
                result = status == StoreStatus.Ok
                    ? PutCore(key, value, options)
                    : new PutResult(status, _currentRevision, null);
                EndWrite();
            }
            finally
            {
                _lock.ExitWriteLock();
            }
            NotifyListener();
            return result;
        }
    }

    public DeleteRangeResult DeleteRange(in KeyRange range, bool prevKv = false)
    {
        if (!range.IsValid)
        {
            return new DeleteRangeResult(StoreStatus.InvalidArgument, CurrentRevision, 0, []);
        }
        lock (_writerGate)
        {
            DeleteRangeResult result;
            _lock.EnterWriteLock();
            try
            {
                BeginWrite();
                result = DeleteRangeCore(range, prevKv);
                EndWrite();
            }
            finally
            {
                _lock.ExitWriteLock();
            }
            NotifyListener();
            return result with { Revision = CurrentRevision };
        }
    }

    public TxnResult Txn(TxnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_writerGate)
        {
            TxnResult result;
            _lock.EnterWriteLock();
            try
            {
                BeginWrite();
                result = TxnCore(request);
                EndWrite();
            }
            finally
            {
                _lock.ExitWriteLock();
            }
            NotifyListener();
            return result with { Revision = CurrentRevision };
        }
    }

    private void BeginWrite()
    {
        _writeMain = _currentRevision + 1;
        _changes.Clear();
    }

    private void EndWrite()
    {
        if (_changes.Count > 0)
        {
            Volatile.Write(ref _currentRevision, _writeMain);
        }
    }

    private void NotifyListener()
    {
        if (_changes.Count > 0)
        {
            _listener?.OnCommit(_writeMain, _changes);
        }
    }

    private Revision NextRevision => new(_writeMain, _changes.Count);

    private StoreStatus CheckPut(ReadOnlySpan<byte> key, in PutOptions options)
    {
        if (options.Lease != 0 && !options.IgnoreLease && !_leases.ContainsKey(options.Lease))
        {
            return StoreStatus.LeaseNotFound;
        }
        if (options.IgnoreValue || options.IgnoreLease)
        {
            KeyIndex? index = _tree.Get(key);
            if (index is null || !index.IsLive)
            {
                return StoreStatus.KeyNotFound;
            }
        }
        return StoreStatus.Ok;
    }

    private PutResult PutCore(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, in PutOptions options)
    {
        KeyIndex index = _tree.GetOrAdd(key, out _);
        bool hasPrevious = index.IsLive;
        KeyVersion previous = index.Latest;
        byte[] stored = options.IgnoreValue ? previous.Value! : value.ToArray();
        long lease = options.IgnoreLease ? previous.Lease : options.Lease;
        Revision rev = NextRevision;
        index.Put(rev, stored, lease);
        _log.Append(rev.Main, rev.Sub, index);
        if (hasPrevious && previous.Lease != lease)
        {
            DetachLease(index, previous.Lease);
        }
        if (lease != 0)
        {
            _leases[lease].Keys.Add(index);
        }
        _changes.Add(new Change(index, index.Latest, previous, hasPrevious));
        KeyValue? prevKv = options.PrevKv && hasPrevious ? previous.ToKeyValue(index.Key) : null;
        return new PutResult(StoreStatus.Ok, rev.Main, prevKv);
    }

    private DeleteRangeResult DeleteRangeCore(in KeyRange range, bool prevKv)
    {
        // Collect first: deleting does not remove keys from the tree, but keeps the cursor logic simple.
        var doomed = new List<KeyIndex>();
        if (range.IsSingleKey)
        {
            KeyIndex? index = _tree.Get(range.Key.Span);
            if (index is not null && index.IsLive)
            {
                doomed.Add(index);
            }
        }
        else
        {
            TreeIndex.Cursor cursor = _tree.Seek(range.Key.Span);
            while (cursor.MoveNext())
            {
                if (!range.IsOpenEnded && cursor.Current.Key.AsSpan().SequenceCompareTo(range.RangeEnd.Span) >= 0)
                {
                    break;
                }
                if (cursor.Current.IsLive)
                {
                    doomed.Add(cursor.Current);
                }
            }
        }
        KeyValue[] prevKvs = prevKv ? new KeyValue[doomed.Count] : [];
        for (int i = 0; i < doomed.Count; i++)
        {
            KeyVersion previous = doomed[i].Latest;
            if (prevKv)
            {
                prevKvs[i] = previous.ToKeyValue(doomed[i].Key);
            }
            TombstoneCore(doomed[i]);
        }
        return new DeleteRangeResult(StoreStatus.Ok, _writeMain, doomed.Count, prevKvs);
    }

    private void TombstoneCore(KeyIndex index)
    {
        KeyVersion previous = index.Latest;
        Revision rev = NextRevision;
        index.Tombstone(rev);
        _log.Append(rev.Main, rev.Sub, index);
        DetachLease(index, previous.Lease);
        _changes.Add(new Change(index, index.Latest, previous, HasPrevious: true));
    }

    private void DetachLease(KeyIndex index, long lease)
    {
        if (lease != 0 && _leases.TryGetValue(lease, out Lease? l))
        {
            l.Keys.Remove(index);
        }
    }
}
