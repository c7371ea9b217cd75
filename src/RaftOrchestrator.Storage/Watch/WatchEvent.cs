using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Watch;

/// <summary>
/// One change as watchers see it (etcd's mvccpb.Event). One instance per change is shared by every
/// watcher that receives it, and so are its encoded bytes: <see cref="GetEncoded"/> encodes once per
/// encoder and hands the same buffer to every caller. For a delete, <see cref="Kv"/> holds the key and
/// the deleting revision only. <see cref="PrevKv"/> is the live version the change replaced, if any;
/// whether a client gets it is the watcher's choice (<see cref="WatchResponse.PrevKv"/>).
/// </summary>
public sealed class WatchEvent(WatchEventType type, KeyValue kv, KeyValue? prevKv)
{
    /// <summary>The last encoding made; a second encoder recomputes rather than evicting (one encoder per server is the norm).</summary>
    private EncodedForm? _encoded;

    public WatchEventType Type { get; } = type;

    public KeyValue Kv { get; } = kv;

    public KeyValue? PrevKv { get; } = prevKv;

    public Revision Revision { get; init; }

    /// <summary>The event's bytes under <paramref name="encoder"/>, encoded at most once per encoder and shared (thread-safe).</summary>
    public ReadOnlyMemory<byte> GetEncoded(IWatchEventEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        EncodedForm? cached = Volatile.Read(ref _encoded);
        if (cached is not null && ReferenceEquals(cached.Encoder, encoder))
        {
            return cached.Bytes;
        }
        var fresh = new EncodedForm(encoder, encoder.Encode(this));
        EncodedForm? raced = Interlocked.CompareExchange(ref _encoded, fresh, null);
        return raced is not null && ReferenceEquals(raced.Encoder, encoder) ? raced.Bytes : fresh.Bytes;
    }

    internal static WatchEvent From(byte[] key, in KeyVersion version, in KeyVersion previous, bool hasPrevious) =>
        new(version.IsTombstone ? WatchEventType.Delete : WatchEventType.Put,
            version.ToKeyValue(key),
            hasPrevious ? previous.ToKeyValue(key) : null)
        {
            Revision = version.Revision,
        };

    private sealed record EncodedForm(IWatchEventEncoder Encoder, ReadOnlyMemory<byte> Bytes);
}
