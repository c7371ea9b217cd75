using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Server.Kube.Endpoints;

/// <summary>The kind-specific parts of an endpoint: extra subresources, a graceful deletion policy, pooled values.</summary>
public sealed record EndpointHooks<T>(IReadOnlyList<ISubresourceHandler<T>> Subresources, IDeletionPolicy<T>? Deletion = null, IAllocationPolicy<T>? Allocation = null)
    where T : class, IKubernetesObject, new()
{
}
