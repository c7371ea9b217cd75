using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>core/v1 Service.</summary>
[MessagePackObject]
public sealed class Service : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public ServiceSpec? Spec { get; set; }

    [Key(4)] public ServiceStatus? Status { get; set; }
}
