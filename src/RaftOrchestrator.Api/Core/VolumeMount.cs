using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class VolumeMount
{
    /// <summary>The name of one of the pod's volumes.</summary>
    [Key(0)] public string Name { get; set; } = "";

    [Key(1)] public bool? ReadOnly { get; set; }

    [Key(2)] public string? RecursiveReadOnly { get; set; }

    [Key(3)] public string MountPath { get; set; } = "";

    [Key(4)] public string? SubPath { get; set; }

    [Key(5)] public string? MountPropagation { get; set; }

    [Key(6)] public string? SubPathExpr { get; set; }
}
