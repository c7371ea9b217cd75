using RaftOrchestrator.Storage.Mvcc;
using RaftOrchestrator.Storage.Watch;
using static RaftOrchestrator.Server.Etcd.Watch.ProtoWire;

namespace RaftOrchestrator.Server.Etcd.Watch;

/// <summary>
/// Encodes a watch event as etcd's mvccpb.Event (type = 1, kv = 2, prev_kv = 3; KeyValue: key = 1,
/// create_revision = 2, mod_revision = 3, version = 4, value = 5, lease = 6). The store caches the bytes
/// per encoder and event, so an event is encoded once and the same bytes go to every watcher. Two
/// instances exist because watchers differ only in whether they asked for the previous version.
/// </summary>
internal sealed class EtcdEventEncoder : IWatchEventEncoder
{
    private readonly bool _prevKv;

    private EtcdEventEncoder(bool prevKv) => _prevKv = prevKv;

    public static EtcdEventEncoder WithPrevKv { get; } = new(prevKv: true);

    public static EtcdEventEncoder WithoutPrevKv { get; } = new(prevKv: false);

    public static EtcdEventEncoder For(bool prevKv) => prevKv ? WithPrevKv : WithoutPrevKv;

    public ReadOnlyMemory<byte> Encode(WatchEvent watchEvent)
    {
        ArgumentNullException.ThrowIfNull(watchEvent);
        KeyValue kv = watchEvent.Kv;
        KeyValue? prev = _prevKv ? watchEvent.PrevKv : null;
        int kvSize = KeyValueSize(kv);
        int prevSize = prev is { } p ? KeyValueSize(p) : 0;
        int size = VarintFieldSize(1, watchEvent.Type == WatchEventType.Delete ? 1UL : 0)
            + MessageFieldSize(2, kvSize)
            + (prev is null ? 0 : MessageFieldSize(3, prevSize));
        byte[] bytes = new byte[size];
        Span<byte> span = bytes;
        int n = WriteVarintField(span, 1, watchEvent.Type == WatchEventType.Delete ? 1UL : 0);
        n += WriteLengthPrefix(span[n..], 2, kvSize);
        n += WriteKeyValue(span[n..], kv);
        if (prev is { } previous)
        {
            n += WriteLengthPrefix(span[n..], 3, prevSize);
            n += WriteKeyValue(span[n..], previous);
        }
        return n == size ? bytes : throw new InvalidOperationException("Event encoding size mismatch.");
    }

    private static int KeyValueSize(in KeyValue kv) =>
        BytesFieldSize(1, kv.Key.Length)
        + VarintFieldSize(2, (ulong)kv.CreateRevision)
        + VarintFieldSize(3, (ulong)kv.ModRevision)
        + VarintFieldSize(4, (ulong)kv.Version)
        + BytesFieldSize(5, kv.Value.Length)
        + VarintFieldSize(6, (ulong)kv.Lease);

    private static int WriteKeyValue(Span<byte> destination, in KeyValue kv)
    {
        int n = WriteBytesField(destination, 1, kv.Key.Span);
        n += WriteVarintField(destination[n..], 2, (ulong)kv.CreateRevision);
        n += WriteVarintField(destination[n..], 3, (ulong)kv.ModRevision);
        n += WriteVarintField(destination[n..], 4, (ulong)kv.Version);
        n += WriteBytesField(destination[n..], 5, kv.Value.Span);
        n += WriteVarintField(destination[n..], 6, (ulong)kv.Lease);
        return n;
    }
}
