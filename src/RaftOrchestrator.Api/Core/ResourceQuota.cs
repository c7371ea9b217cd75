using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>core/v1 ResourceQuota. Status is written by the quota controller through the status subresource.</summary>
[MessagePackObject]
public sealed class ResourceQuota : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public ResourceQuotaSpec? Spec { get; set; }

    [Key(4)] public ResourceQuotaStatus? Status { get; set; }
}
