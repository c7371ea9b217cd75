using MessagePack;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Core;

/// <summary>core/v1 ServiceAccount.</summary>
[MessagePackObject]
public sealed class ServiceAccount : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)]
    [PatchMergeKey("name")]
    public List<ObjectReference>? Secrets { get; set; }

    [Key(4)] public List<LocalObjectReference>? ImagePullSecrets { get; set; }

    [Key(5)] public bool? AutomountServiceAccountToken { get; set; }
}
