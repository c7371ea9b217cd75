using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Server.Kube.Endpoints;

/// <summary>A kind-specific subresource (pods/binding, pods/eviction), or with name "" the create of a kind that is answered, not stored (reviews).</summary>
public interface ISubresourceHandler<T> where T : class, IKubernetesObject, new()
{
    string Name { get; }

    Task HandleAsync(ResourceEndpoint<T> endpoint, EndpointRequest request);
}
