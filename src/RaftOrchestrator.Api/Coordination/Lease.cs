using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Coordination;

/// <summary>coordination.k8s.io/v1 Lease: leader election and node heartbeats (kube-node-lease).</summary>
[MessagePackObject]
public sealed class Lease : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public LeaseSpec? Spec { get; set; }
}
