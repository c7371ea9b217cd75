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
    ///
    /// Writers are not stalled: the state is copied in batches of <see cref="StoreOptions.SnapshotBatchSize"/>
    /// under short read locks and written to <paramref name="destination"/> with no lock held. That is
    /// consistent because MVCC history at or below S never changes, and compaction (the only thing that
    /// removes it) waits for the snapshot. Versions written after S are skipped.
    /// </summary>
    public async Task<long> WriteSnapshotAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await _maintenance.WaitAsync(cancellationToken);
        try
        {
            using var hashing = new HashingStream(destination);
            var buffer = new ArrayBufferWriter<byte>(64 * 1024);
            long snapshotRevision, logStart, records = 0;
            // ReaderWriterLockSlim is thread-affine: every lock below is entered and exited with no await between.
            _lock.EnterReadLock();
            try
            {
                (snapshotRevision, logStart) = WriteHeader(buffer);
            }
            finally
            {
                _lock.ExitReadLock();
            }

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
            return snapshotRevision;
        }
        finally
        {
            _maintenance.Release();
        }
    }

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
