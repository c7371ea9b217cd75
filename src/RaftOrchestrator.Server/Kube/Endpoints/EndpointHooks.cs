using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Server.Kube.Endpoints;

/// <summary>The kind-specific parts of an endpoint: extra subresources and a graceful deletion policy.</summary>
public sealed record EndpointHooks<T>(IReadOnlyList<ISubresourceHandler<T>> Subresources, IDeletionPolicy<T>? Deletion = null)
    where T : class, IKubernetesObject, new()
{
}
