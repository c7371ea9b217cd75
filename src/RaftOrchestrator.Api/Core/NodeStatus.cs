using MessagePack;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class NodeStatus
{
    [Key(0)] public Dictionary<string, Quantity>? Capacity { get; set; }

    [Key(1)] public Dictionary<string, Quantity>? Allocatable { get; set; }

    /// <summary>Deprecated: no longer set by the kubelet.</summary>
    [Key(2)] public string? Phase { get; set; }

    [Key(3)]
    [PatchMergeKey("type")]
    public List<NodeCondition>? Conditions { get; set; }

    [Key(4)]
    [PatchMergeKey("type")]
    public List<NodeAddress>? Addresses { get; set; }

    [Key(5)] public NodeDaemonEndpoints? DaemonEndpoints { get; set; }

    [Key(6)] public NodeSystemInfo? NodeInfo { get; set; }

    [Key(7)] public List<ContainerImage>? Images { get; set; }

    [Key(8)] public List<string>? VolumesInUse { get; set; }

    [Key(9)] public List<AttachedVolume>? VolumesAttached { get; set; }

    [Key(10)] public List<NodeRuntimeHandler>? RuntimeHandlers { get; set; }

    [Key(11)] public NodeFeatures? Features { get; set; }
}
