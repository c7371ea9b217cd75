using System.Buffers;

namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// A snapshot of a <see cref="KvStore"/> fixed at <see cref="Revision"/> by <see cref="KvStore.BeginSnapshot"/>,
/// written once by <see cref="WriteToAsync"/>. It holds the store's maintenance slot (compaction and other
/// snapshots wait) until disposed; dispose it whether or not it was written.
/// </summary>
public sealed class KvStoreSnapshot : IDisposable
{
    private readonly KvStore _store;
    private readonly long _logStart;
    private ArrayBufferWriter<byte>? _header;
    private int _disposed;

    internal KvStoreSnapshot(KvStore store, ArrayBufferWriter<byte> header, long revision, long logStart)
    {
        _store = store;
        _header = header;
        Revision = revision;
        _logStart = logStart;
    }

    /// <summary>The store's revision the snapshot holds: every write up to it, none after.</summary>
    public long Revision { get; }

    public Task WriteToAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        ArrayBufferWriter<byte> header = Interlocked.Exchange(ref _header, null)
            ?? throw new InvalidOperationException("A store snapshot is written once.");
        return _store.WriteSnapshotBodyAsync(header, Revision, _logStart, destination, cancellationToken);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _store.ReleaseMaintenance();
        }
    }
}
