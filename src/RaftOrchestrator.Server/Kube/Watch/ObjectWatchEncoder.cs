using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Server.Kube.Registry;
using RaftOrchestrator.Storage.Watch;

namespace RaftOrchestrator.Server.Kube.Watch;

/// <summary>
/// One kind's watch events in one wire format, for watchers without selectors: the bytes depend on the event
/// alone, so the store's event caches them and every such watcher gets the same buffer (encode once, fan out).
/// A put of a new key is ADDED, a later put MODIFIED, a delete DELETED with the last state at the delete's revision.
/// </summary>
public sealed class ObjectWatchEncoder<T>(ObjectCodec<T> codec, bool messagePack) : IWatchEventEncoder where T : class, IKubernetesObject, new()
{
    public ReadOnlyMemory<byte> Encode(WatchEvent watchEvent)
    {
        ArgumentNullException.ThrowIfNull(watchEvent);
        long revision = watchEvent.Kv.ModRevision;
        if (watchEvent.Type == WatchEventType.Delete)
        {
            if (watchEvent.PrevKv is not { } previous)
            {
                return ReadOnlyMemory<byte>.Empty;
            }
            return messagePack
                ? MessagePackWatchFrames.Frame(WatchEventKind.Deleted, revision, previous.Value.Span)
                : WatchLines.Event(WatchEventKind.Deleted, codec.Decode(previous.Value, revision));
        }
        WatchEventKind kind = watchEvent.Kv.CreateRevision == revision ? WatchEventKind.Added : WatchEventKind.Modified;
        return messagePack
            ? MessagePackWatchFrames.Frame(kind, revision, watchEvent.Kv.Value.Span)
            : WatchLines.Event(kind, codec.Decode(watchEvent.Kv.Value, revision));
    }
}
