namespace RaftOrchestrator.Storage.Watch;

/// <summary>
/// Turns an event into wire bytes (protobuf for the etcd API, JSON or MessagePack for the resource API).
/// Implementations must be pure: the same event gives the same bytes, because they are cached and shared.
/// </summary>
public interface IWatchEventEncoder
{
    ReadOnlyMemory<byte> Encode(WatchEvent watchEvent);
}
