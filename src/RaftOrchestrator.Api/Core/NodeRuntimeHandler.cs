using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>A runtime handler of the node's container runtime; "" is the default one.</summary>
[MessagePackObject]
public sealed class NodeRuntimeHandler
{
    [Key(0)] public string? Name { get; set; }

    [Key(1)] public NodeRuntimeHandlerFeatures? Features { get; set; }
}
