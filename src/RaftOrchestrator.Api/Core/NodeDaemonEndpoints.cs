using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class NodeDaemonEndpoints
{
    [Key(0)] public DaemonEndpoint? KubeletEndpoint { get; set; }
}
