using MessagePack;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ContainerStatus
{
    [Key(0)] public string Name { get; set; } = "";

    [Key(1)] public ContainerState? State { get; set; }

    [Key(2)] public ContainerState? LastState { get; set; }

    [Key(3)] public bool Ready { get; set; }

    [Key(4)] public int RestartCount { get; set; }

    [Key(5)] public string Image { get; set; } = "";

    [Key(6)] public string ImageID { get; set; } = "";

    [Key(7)] public string? ContainerID { get; set; }

    [Key(8)] public bool? Started { get; set; }

    [Key(9)] public Dictionary<string, Quantity>? AllocatedResources { get; set; }

    [Key(10)] public ResourceRequirements? Resources { get; set; }

    [Key(11)]
    [PatchMergeKey("mountPath")]
    public List<VolumeMountStatus>? VolumeMounts { get; set; }

    [Key(12)] public string? StopSignal { get; set; }
}
