using System.Buffers.Binary;
using RaftOrchestrator.Storage.Leases;
using RaftOrchestrator.Storage.Snapshots;

namespace RaftOrchestrator.Storage.Mvcc;

public sealed partial class KvStore
{
    /// <summary>
    /// Builds a new store from a snapshot written by <see cref="WriteSnapshotAsync"/>. The snapshot is
    /// verified as it is read (format version, revision order, checksum); a damaged or truncated one throws
    /// <see cref="InvalidDataException"/> and no store is returned, so a caller can swap stores atomically.
    /// </summary>
    public static KvStore Restore(Stream source, StoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var decoder = new SnapshotDecoder(source);
        Span<byte> magic = stackalloc byte[SnapshotFormat.Magic.Length + 2];
        decoder.ReadExactly(magic);
        if (!magic[..SnapshotFormat.Magic.Length].SequenceEqual(SnapshotFormat.Magic))
        {
            throw new InvalidDataException("Not a RaftOrchestrator store snapshot.");
        }
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(magic[SnapshotFormat.Magic.Length..]);
        if (version != SnapshotFormat.Version)
        {
            throw new InvalidDataException($"Snapshot format version {version} is not supported (this build reads {SnapshotFormat.Version}).");
        }
        long current = decoder.ReadInt64();
        long compact = decoder.ReadInt64();
        long logStart = decoder.ReadInt64();
        if (compact > current || logStart < 1 || logStart > current + 1 || logStart < compact)
        {
            throw new InvalidDataException($"Snapshot: inconsistent revisions current={current} compact={compact} logStart={logStart}.");
        }
        var store = new KvStore(options ?? StoreOptions.Default, current, compact);
        store._log = new RevisionLog(logStart);
        long leaseCount = decoder.ReadInt64();
        for (long i = 0; i < leaseCount; i++)
        {
            long id = decoder.ReadInt64(), ttl = decoder.ReadInt64();
            if (!store._leases.TryAdd(id, new Lease(id, ttl)))
            {
                throw new InvalidDataException($"Snapshot: lease {id} appears twice.");
            }
        }
        long records = store.ReadRecords(decoder, logStart);
        ulong expected = decoder.Hash;
        Span<byte> trailer = stackalloc byte[8];
        decoder.ReadExactly(trailer);   // the trailer is not part of what it checks
        if (BinaryPrimitives.ReadUInt64LittleEndian(trailer) != expected)
        {
            throw new InvalidDataException("Snapshot: checksum mismatch.");
        }
        if (store._log.LastMain != current)
        {
            throw new InvalidDataException($"Snapshot: changes end at {store._log.LastMain}, expected {current} ({records} records).");
        }
        store.AttachLeasesAfterRestore();
        return store;
    }

    private long ReadRecords(SnapshotDecoder decoder, long logStart)
    {
        long records = 0;
        while (true)
        {
            byte tag = decoder.ReadByte();
            switch (tag)
            {
                case SnapshotFormat.TagEnd:
                    long declared = decoder.ReadInt64();
                    return declared == records ? records
                        : throw new InvalidDataException($"Snapshot: {records} records read, {declared} declared.");
                case SnapshotFormat.TagBase:
                    {
                        byte[] key = decoder.ReadBytes(), value = decoder.ReadBytes();
                        long create = decoder.ReadInt64(), main = decoder.ReadInt64();
                        int sub = (int)decoder.ReadInt64();
                        long version = decoder.ReadInt64(), lease = decoder.ReadInt64();
                        if (main >= logStart)
                        {
                            throw new InvalidDataException($"Snapshot: base version of a key at {main}, not below {logStart}.");
                        }
                        RestoreVersion(key, KeyVersion.Put(new Revision(main, sub), create, version, lease, value), log: false);
                        break;
                    }
                case SnapshotFormat.TagPut:
                case SnapshotFormat.TagDelete:
                    {
                        var rev = new Revision(decoder.ReadInt64(), (int)decoder.ReadInt64());
                        byte[] key = decoder.ReadBytes();
                        KeyVersion v = tag == SnapshotFormat.TagDelete
                            ? KeyVersion.Tombstone(rev)
                            : KeyVersion.Put(rev, 0, 0, 0, decoder.ReadBytes());
                        if (tag == SnapshotFormat.TagPut)
                        {
                            v.CreateRevision = decoder.ReadInt64();
                            v.Version = decoder.ReadInt64();
                            v.Lease = decoder.ReadInt64();
                        }
                        RestoreVersion(key, v, log: true);
                        break;
                    }
                default:
                    throw new InvalidDataException($"Snapshot: unknown record tag {tag}.");
            }
            records++;
        }
    }

    private void RestoreVersion(byte[] key, in KeyVersion version, bool log)
    {
        if (key.Length == 0)
        {
            throw new InvalidDataException("Snapshot: empty key.");
        }
        KeyIndex index = _tree.GetOrAdd(key, out _);
        if (!index.IsEmpty && index.Latest.Revision >= version.Revision)
        {
            throw new InvalidDataException($"Snapshot: version {version.Revision} of a key is not after {index.Latest.Revision}.");
        }
        index.Restore(version);
        if (log)
        {
            try
            {
                _log.Append(version.Main, version.Sub, index);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidDataException($"Snapshot: change {version.Revision} is out of order.", e);
            }
        }
    }

    private void AttachLeasesAfterRestore()
    {
        TreeIndex.Cursor cursor = _tree.Seek([]);
        while (cursor.MoveNext())
        {
            KeyIndex index = cursor.Current;
            long lease = index.Latest.Lease;
            if (index.IsLive && lease != 0)
            {
                if (!_leases.TryGetValue(lease, out Lease? l))
                {
                    throw new InvalidDataException($"Snapshot: a key is attached to lease {lease}, which does not exist.");
                }
                l.Keys.Add(index);
            }
        }
    }
}
