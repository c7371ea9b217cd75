using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// A named volume: one source (Kubernetes' embedded VolumeSource, flattened as in JSON). Only the common sources
/// are modelled; others are rejected as unknown fields in strict mode.
/// </summary>
[MessagePackObject]
public sealed class Volume
{
    /// <summary>A DNS label, unique in the pod.</summary>
    [Key(0)] public string Name { get; set; } = "";

    [Key(1)] public HostPathVolumeSource? HostPath { get; set; }

    [Key(2)] public EmptyDirVolumeSource? EmptyDir { get; set; }

    [Key(3)] public SecretVolumeSource? Secret { get; set; }

    [Key(4)] public NFSVolumeSource? Nfs { get; set; }

    [Key(5)] public PersistentVolumeClaimVolumeSource? PersistentVolumeClaim { get; set; }

    [Key(6)] public DownwardAPIVolumeSource? DownwardAPI { get; set; }

    [Key(7)] public ConfigMapVolumeSource? ConfigMap { get; set; }

    [Key(8)] public ProjectedVolumeSource? Projected { get; set; }

    [Key(9)] public CSIVolumeSource? Csi { get; set; }

    [Key(10)] public ImageVolumeSource? Image { get; set; }
}
