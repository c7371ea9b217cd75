using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Apps;

/// <summary>apps/v1 Deployment: declarative rollouts of a pod template through ReplicaSets.</summary>
[MessagePackObject]
public sealed class Deployment : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public DeploymentSpec Spec { get; set; } = new();

    [Key(4)] public DeploymentStatus Status { get; set; } = new();
}
