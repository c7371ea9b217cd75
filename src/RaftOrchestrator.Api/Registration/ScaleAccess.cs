using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Registration;

/// <summary>How the scale subresource reads and writes a kind (Deployment, ReplicaSet, ReplicationController).</summary>
public sealed record ScaleAccess<T>(
    Func<T, int> GetReplicas,
    Action<T, int> SetReplicas,
    Func<T, int> GetStatusReplicas,
    Func<T, string?> GetSelector) where T : class, IKubernetesObject;
