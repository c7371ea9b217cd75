using RaftOrchestrator.Storage.Leases;

namespace RaftOrchestrator.Storage.Mvcc;

public sealed partial class KvStore
{
    /// <summary>Grants lease <paramref name="id"/> (non-zero) with a TTL. Takes no revision, as in etcd.</summary>
    public StoreStatus GrantLease(long id, long ttlSeconds)
    {
        if (id == 0 || ttlSeconds <= 0)
        {
            return StoreStatus.InvalidArgument;
        }
        lock (_writerGate)
        {
            _lock.EnterWriteLock();
            try
            {
                return _leases.TryAdd(id, new Lease(id, ttlSeconds)) ? StoreStatus.Ok : StoreStatus.LeaseExists;
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }
    }

    /// <summary>
    /// Revokes a lease and deletes its keys in one revision (none if it had no keys). Keys are deleted in
    /// key order, so every replica assigns the same sub-revisions.
    /// </summary>
    public DeleteRangeResult RevokeLease(long id)
    {
        lock (_writerGate)
        {
            DeleteRangeResult result;
            _lock.EnterWriteLock();
            try
            {
                if (!_leases.Remove(id, out Lease? lease))
                {
                    return new DeleteRangeResult(StoreStatus.LeaseNotFound, _currentRevision, 0, []);
                }
                BeginWrite();
                KeyIndex[] keys = [.. lease.Keys];
                Array.Sort(keys, static (a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
                foreach (KeyIndex key in keys)
                {
                    TombstoneCore(key);
                }
                EndWrite();
                result = new DeleteRangeResult(StoreStatus.Ok, _currentRevision, keys.Length, []);
            }
            finally
            {
                _lock.ExitWriteLock();
            }
            NotifyListener();
            return result;
        }
    }

    public bool TryGetLease(long id, out LeaseInfo info)
    {
        _lock.EnterReadLock();
        try
        {
            bool found = _leases.TryGetValue(id, out Lease? lease);
            info = found ? lease!.ToInfo() : default;
            return found;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The keys attached to a lease, sorted; empty if the lease does not exist.</summary>
    public byte[][] GetLeaseKeys(long id)
    {
        _lock.EnterReadLock();
        try
        {
            if (!_leases.TryGetValue(id, out Lease? lease))
            {
                return [];
            }
            byte[][] keys = [.. lease.Keys.Select(k => k.Key)];
            Array.Sort(keys, static (a, b) => a.AsSpan().SequenceCompareTo(b));
            return keys;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Every lease, ordered by id.</summary>
    public LeaseInfo[] ListLeases()
    {
        _lock.EnterReadLock();
        try
        {
            return [.. _leases.Values.Select(l => l.ToInfo()).OrderBy(l => l.Id)];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }
}
