namespace RaftOrchestrator.Client.Http;

/// <summary>The encoding of request bodies, replies and watch streams.</summary>
public enum WireFormat
{
    /// <summary>application/vnd.raftorchestrator.msgpack: the store's own encoding, sent and answered without JSON work.</summary>
    MessagePack = 0,
    /// <summary>application/json, as kubectl and client-go speak it.</summary>
    Json,
}
