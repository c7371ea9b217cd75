namespace RaftOrchestrator.BenchHarness;

/// <summary>The body format of requests, replies and watch streams of one case.</summary>
public enum WireFormat
{
    Json = 0,
    /// <summary>application/vnd.raftorchestrator.msgpack: the model's integer-keyed MessagePack encoding.</summary>
    MessagePack,
}
