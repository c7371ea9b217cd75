using System.Buffers;
using System.Buffers.Binary;
using RaftOrchestrator.Storage.Leases;
using RaftOrchestrator.Storage.Snapshots;
using static RaftOrchestrator.Storage.Snapshots.SnapshotEncoder;

namespace RaftOrchestrator.Storage.Mvcc;

public sealed partial class KvStore
{
    /// <summary>
    /// Writes the whole state at the current revision S: every change from the compaction point to S,
    /// the newest live version below it of each key, and the leases (format: <see cref="SnapshotFormat"/>).
    /// The same as <see cref="BeginSnapshot"/> followed by <see cref="KvStoreSnapshot.WriteToAsync"/>.
    /// </summary>
    public async Task<long> WriteSnapshotAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await _maintenance.WaitAsync(cancellationToken);
        using KvStoreSnapshot snapshot = CaptureSnapshot();
        await snapshot.WriteToAsync(destination, cancellationToken);
        return snapshot.Revision;
    }

    /// <summary>
    /// Fixes the state to snapshot at the current revision S before returning, so a caller that serialises
    /// writes (a replicated log's applier) knows exactly which writes the snapshot holds: those up to the
    /// last one applied before this call. Writing it (<see cref="KvStoreSnapshot.WriteToAsync"/>) may then
    /// run concurrently with later writes, which it skips. Compaction waits until the snapshot is disposed.
    /// Blocks while a compaction or another snapshot is in progress.
    /// </summary>
    public KvStoreSnapshot BeginSnapshot()
    {
        _maintenance.Wait();
        return CaptureSnapshot();
    }

    /// <summary>Called with <c>_maintenance</c> held; the snapshot releases it when disposed (here, if this throws).</summary>
    private KvStoreSnapshot CaptureSnapshot()
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        // ReaderWriterLockSlim is thread-affine: every lock here is entered and exited with no await between.
        _lock.EnterReadLock();
        try
        {
            (long revision, long logStart) = WriteHeader(buffer);
            return new KvStoreSnapshot(this, buffer, revision, logStart);
        }
        catch
        {
            _maintenance.Release();
            throw;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// The body of a snapshot whose header is in <paramref name="buffer"/>. Writers are not stalled: the state
    /// is copied in batches of <see cref="StoreOptions.SnapshotBatchSize"/> under short read locks and written
    /// to <paramref name="destination"/> with no lock held. That is consistent because MVCC history at or
    /// below the snapshot revision never changes, and compaction (the only thing that removes it) waits for
    /// the snapshot. Versions written after it are skipped.
    /// </summary>
    internal async Task WriteSnapshotBodyAsync(
        ArrayBufferWriter<byte> buffer, long snapshotRevision, long logStart, Stream destination, CancellationToken cancellationToken)
    {
        using var hashing = new HashingStream(destination);
        long records = 0;
        await FlushAsync(hashing, buffer, cancellationToken);
        byte[]? resumeAfter = null;
        bool more = true;
        while (more)
        {
            _lock.EnterReadLock();
            try
            {
                (more, int written) = WriteBaseBatch(buffer, logStart, ref resumeAfter);
                records += written;
            }
            finally
            {
                _lock.ExitReadLock();
            }
            await FlushAsync(hashing, buffer, cancellationToken);
        }
        for (long main = logStart; main <= snapshotRevision; main += _options.SnapshotBatchSize)
        {
            long to = Math.Min(snapshotRevision, main + _options.SnapshotBatchSize - 1);
            _lock.EnterReadLock();
            try
            {
                records += WriteChangesBatch(buffer, main, to);
            }
            finally
            {
                _lock.ExitReadLock();
            }
            await FlushAsync(hashing, buffer, cancellationToken);
        }
        WriteByte(buffer, SnapshotFormat.TagEnd);
        WriteVarint(buffer, records);
        await FlushAsync(hashing, buffer, cancellationToken);

        byte[] trailer = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(trailer, hashing.Hash);
        await destination.WriteAsync(trailer, cancellationToken);
        await destination.FlushAsync(cancellationToken);
    }

    internal void ReleaseMaintenance() => _maintenance.Release();

    private static async Task FlushAsync(HashingStream destination, ArrayBufferWriter<byte> buffer, CancellationToken ct)
    {
        await destination.WriteAsync(buffer.WrittenMemory, ct);
        buffer.Clear();
    }

    private (long SnapshotRevision, long LogStart) WriteHeader(ArrayBufferWriter<byte> buffer)
    {
        buffer.Write(SnapshotFormat.Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.GetSpan(2), SnapshotFormat.Version);
        buffer.Advance(2);
        long logStart = Math.Max(_log.OldestMain, _compactRevision);
        WriteVarint(buffer, _currentRevision);
        WriteVarint(buffer, _compactRevision);
        WriteVarint(buffer, logStart);
        WriteVarint(buffer, _leases.Count);
        foreach (Lease lease in _leases.Values.OrderBy(l => l.Id))
        {
            WriteVarint(buffer, lease.Id);
            WriteVarint(buffer, lease.TtlSeconds);
        }
        return (_currentRevision, logStart);
    }

    private (bool More, int Written) WriteBaseBatch(ArrayBufferWriter<byte> buffer, long logStart, ref byte[]? resumeAfter)
    {
        TreeIndex.Cursor cursor = _tree.Seek(resumeAfter ?? []);
        int visited = 0, written = 0;
        while (cursor.MoveNext())
        {
            KeyIndex index = cursor.Current;
            if (resumeAfter is not null && index.Key.AsSpan().SequenceEqual(resumeAfter))
            {
                continue;
            }
            if (visited++ == _options.SnapshotBatchSize)
            {
                return (true, written);
            }
            resumeAfter = index.Key;
            if (index.TryGetBelow(logStart, out KeyVersion v) && !v.IsTombstone)
            {
                WriteByte(buffer, SnapshotFormat.TagBase);
                WriteBytes(buffer, index.Key);
                WriteBytes(buffer, v.Value);
                WriteVarint(buffer, v.CreateRevision);
                WriteVarint(buffer, v.Main);
                WriteVarint(buffer, v.Sub);
                WriteVarint(buffer, v.Version);
                WriteVarint(buffer, v.Lease);
                written++;
            }
        }
        return (false, written);
    }

    private int WriteChangesBatch(ArrayBufferWriter<byte> buffer, long fromMain, long toMain)
    {
        int written = 0;
        RevisionLog.Changes changes = _log.Between(fromMain, toMain);
        while (changes.MoveNext())
        {
            Revision rev = changes.Current;
            KeyIndex index = changes.CurrentKey;
            if (!index.TryFind(rev, out KeyVersion v, out _, out _))
            {
                throw new InvalidOperationException($"Revision log names {rev} but its key has no such version.");
            }
            WriteByte(buffer, v.IsTombstone ? SnapshotFormat.TagDelete : SnapshotFormat.TagPut);
            WriteVarint(buffer, rev.Main);
            WriteVarint(buffer, rev.Sub);
            WriteBytes(buffer, index.Key);
            if (!v.IsTombstone)
            {
                WriteBytes(buffer, v.Value);
                WriteVarint(buffer, v.CreateRevision);
                WriteVarint(buffer, v.Version);
                WriteVarint(buffer, v.Lease);
            }
            written++;
        }
        return written;
    }
}
