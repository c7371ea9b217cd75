using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>Exactly one projection.</summary>
[MessagePackObject]
public sealed class VolumeProjection
{
    [Key(0)] public SecretProjection? Secret { get; set; }

    [Key(1)] public DownwardAPIProjection? DownwardAPI { get; set; }

    [Key(2)] public ConfigMapProjection? ConfigMap { get; set; }

    [Key(3)] public ServiceAccountTokenProjection? ServiceAccountToken { get; set; }
}
