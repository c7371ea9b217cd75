namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// Every retained version of one key, oldest to newest, with the newest kept inline.
/// A generation runs from a create to the tombstone that ends it (as in etcd's key_index.go).
///
/// Worked example, one key:
/// <code>
///   put(2.0) put(4.0) delete(6.0) put(7.0) put(9.1)
///   versions: 2.0 v1 c2 | 4.0 v2 c2 | 6.0 tombstone | 7.0 v1 c7 | 9.1 v2 c7   (latest = 9.1)
///   TryGet(5) → 4.0;  TryGet(6) → none (tombstone);  TryGet(8) → 7.0;  TryGet(1) → none
///   Compact(7): keep every version at or above 7 and the newest below 7 unless it is a tombstone:
///     newest below 7 is 6.0, a tombstone → drop 2.0, 4.0, 6.0 → 7.0 | 9.1
///   Compact(5) instead: newest below 5 is 4.0, live → keep 4.0 | 6.0 | 7.0 | 9.1
/// </code>
/// The newest version below the compaction point survives because reads at revisions at or above the
/// point still see it, and because it is the prevKv of the first event at or above the point.
///
/// Threading: mutated only by the store's single writer under the store's write lock; read under the
/// read lock. Value arrays are immutable once stored, so a <see cref="KeyValue"/> handed out stays valid.
/// </summary>
internal sealed class KeyIndex
{
    private const int InitialHistoryCapacity = 2;

    public readonly byte[] Key;
    // The newest version, flattened rather than a KeyVersion field: the runtime then packs the two ints
    // together, which saves 8 bytes on every key (a struct field keeps its own padding). _main == 0: empty.
    private byte[]? _value;
    private long _main;
    private long _create;
    private long _version;
    private long _lease;
    private int _subAndFlags;
    private int _olderCount;
    /// <summary>Versions older than the newest, ascending; only [0, _olderCount) is in use.</summary>
    private KeyVersion[]? _older;

    public KeyIndex(byte[] key) => Key = key;

    /// <summary>The newest version; Main is 0 only while the index is empty (being created or fully compacted).</summary>
    public KeyVersion Latest => KeyVersion.FromParts(_main, _subAndFlags, _create, _version, _lease, _value);

    public bool IsEmpty => _main == 0;

    public bool IsLive => !IsEmpty && !KeyVersion.IsTombstoneFlag(_subAndFlags);

    public int VersionCount => IsEmpty ? 0 : _olderCount + 1;

    /// <summary>Appends a put at <paramref name="rev"/>; a put after a tombstone (or on an empty index) starts a generation.</summary>
    public void Put(Revision rev, byte[] value, long lease)
    {
        KeyVersion next = IsLive
            ? KeyVersion.Put(rev, _create, _version + 1, lease, value)
            : KeyVersion.Put(rev, rev.Main, 1, lease, value);
        Push(next);
    }

    /// <summary>Appends a version read from a snapshot; the caller has checked it is newer than <see cref="Latest"/>.</summary>
    public void Restore(in KeyVersion version) => Push(version);

    /// <summary>Ends the current generation. The caller checks <see cref="IsLive"/> first.</summary>
    public void Tombstone(Revision rev) => Push(KeyVersion.Tombstone(rev));

    private void Push(in KeyVersion next)
    {
        if (!IsEmpty)
        {
            if (_older is null || _olderCount == _older.Length)
            {
                Array.Resize(ref _older, Math.Max(InitialHistoryCapacity, _olderCount * 2));
            }
            _older[_olderCount++] = Latest;
        }
        SetLatest(next);
    }

    private void SetLatest(in KeyVersion v)
    {
        _main = v.Main;
        _subAndFlags = v.SubAndFlags;
        _create = v.CreateRevision;
        _version = v.Version;
        _lease = v.Lease;
        _value = v.Value;
    }

    /// <summary>The newest version with Main ≤ <paramref name="atMain"/>, if it exists and is not a tombstone.</summary>
    public bool TryGet(long atMain, out KeyVersion version)
    {
        if (!IsEmpty && _main <= atMain)
        {
            version = Latest;
            return !version.IsTombstone;
        }
        int i = NewestOlderAtOrBelow(atMain);
        if (i >= 0)
        {
            version = _older![i];
            return !version.IsTombstone;
        }
        version = default;
        return false;
    }

    /// <summary>Finds the version written at exactly <paramref name="rev"/> and the live version before it, if any.</summary>
    public bool TryFind(Revision rev, out KeyVersion version, out KeyVersion previous, out bool hasPrevious)
    {
        previous = default;
        hasPrevious = false;
        if (IsEmpty)
        {
            version = default;
            return false;
        }
        int index;
        if (_main == rev.Main && KeyVersion.SubOf(_subAndFlags) == rev.Sub)
        {
            version = Latest;
            index = _olderCount;
        }
        else
        {
            index = FindOlder(rev);
            if (index < 0)
            {
                version = default;
                return false;
            }
            version = _older![index];
        }
        if (index > 0 && !_older![index - 1].IsTombstone)
        {
            previous = _older[index - 1];
            hasPrevious = true;
        }
        return true;
    }

    /// <summary>The newest version with Main below <paramref name="main"/>, tombstone or not.</summary>
    public bool TryGetBelow(long main, out KeyVersion version)
    {
        if (!IsEmpty && _main < main)
        {
            version = Latest;
            return true;
        }
        int i = NewestOlderAtOrBelow(main - 1);
        version = i >= 0 ? _older![i] : default;
        return i >= 0;
    }

    /// <summary>
    /// Drops the versions that no read or watch at or above <paramref name="compactMain"/> can see
    /// (see the worked example above). Returns true when this call removed the last version, so the key
    /// leaves the tree; compacting again at the same point changes nothing and returns false.
    /// </summary>
    public bool Compact(long compactMain)
    {
        if (IsEmpty)
        {
            return false;
        }
        // keepFrom: index into the logical sequence [older..., latest] of the first version kept.
        int total = _olderCount + 1;
        int firstAtOrAbove = total;
        for (int i = 0; i < total; i++)
        {
            if (VersionAt(i).Main >= compactMain)
            {
                firstAtOrAbove = i;
                break;
            }
        }
        int keepFrom = firstAtOrAbove;
        if (firstAtOrAbove > 0 && !VersionAt(firstAtOrAbove - 1).IsTombstone)
        {
            keepFrom = firstAtOrAbove - 1;
        }
        if (keepFrom == 0)
        {
            return false;
        }
        if (keepFrom == total)
        {
            SetLatest(default);
            _older = null;
            _olderCount = 0;
            return true;
        }
        int keptOlder = _olderCount - keepFrom;
        if (keptOlder == 0)
        {
            _older = null;
        }
        else
        {
            Array.Copy(_older!, keepFrom, _older!, 0, keptOlder);
            Array.Clear(_older!, keptOlder, _olderCount - keptOlder);
        }
        _olderCount = keptOlder;
        return false;
    }

    private KeyVersion VersionAt(int logicalIndex) => logicalIndex == _olderCount ? Latest : _older![logicalIndex];

    private int NewestOlderAtOrBelow(long main)
    {
        int lo = 0, hi = _olderCount - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_older![mid].Main <= main)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }

    private int FindOlder(Revision rev)
    {
        int lo = 0, hi = _olderCount - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = _older![mid].Revision.CompareTo(rev);
            if (c == 0)
            {
                return mid;
            }
            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return -1;
    }
}
