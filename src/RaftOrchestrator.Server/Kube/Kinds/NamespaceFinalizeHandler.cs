using System.Runtime.CompilerServices;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Server.Kube.Endpoints;
using RaftOrchestrator.Server.Kube.Registry;

namespace RaftOrchestrator.Server.Kube.Kinds;

/// <summary>
/// namespaces/{name}/finalize: the one way to change a namespace's spec.finalizers (an update of the namespace
/// keeps them). PUT a Namespace, as kube-apiserver serves it and the namespace controller sends it; PATCH is
/// served too, for clients whose only subresource write is a patch. Everything but spec.finalizers is taken from
/// the stored namespace; a resourceVersion in the body is a precondition. When the namespace is terminating and
/// no finalizer of either kind is left, the write deletes it.
/// </summary>
public sealed class NamespaceFinalizeHandler : ISubresourceHandler<Namespace>
{
    public string Name => "finalize";

    public Task HandleAsync(ResourceEndpoint<Namespace> endpoint, EndpointRequest request)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(request);
        return request.Context.Request.Method switch
        {
            "PUT" => ReplaceAsync(endpoint, request),
            "PATCH" => endpoint.PatchAsync(request, UpdateMode.Finalize, (next, current) => WithFinalizersOf(endpoint, next, current)),
            _ => Replies.StatusAsync(request.Context, ApiStatus.MethodNotAllowed()),
        };
    }

    private static async Task ReplaceAsync(ResourceEndpoint<Namespace> endpoint, EndpointRequest request)
    {
        ObjectDecoder<Namespace>.Decoded decoded = await endpoint.ReadPlacedBodyAsync(request);
        if (decoded.Error is not null)
        {
            await Replies.StatusAsync(request.Context, decoded.Error);
            return;
        }
        Namespace value = decoded.Value!;
        if (value.Metadata.Name != request.Info.Name)
        {
            await Replies.StatusAsync(request.Context, ApiStatus.BadRequest($"the name of the object ({value.Metadata.Name}) does not match the name on the URL ({request.Info.Name})"));
            return;
        }
        await endpoint.UpdateAsync(request, current => current is null
                ? (null, ApiStatus.NotFound(endpoint.Descriptor, request.Info.Name!))
                : (WithFinalizersOf(endpoint, value, current), null),
            UpdateMode.Finalize, allowCreate: false, new StrongBox<string?>(decoded.Warning));
    }

    /// <summary>The stored namespace with the finalizers (and the resourceVersion precondition, if any) of <paramref name="next"/>.</summary>
    private static Namespace WithFinalizersOf(ResourceEndpoint<Namespace> endpoint, Namespace next, Stored<Namespace> current)
    {
        Namespace result = endpoint.Store.Codec.Clone(current.Value, current.Revision);
        result.Metadata.ResourceVersion = next.Metadata.ResourceVersion;
        result.Spec ??= new NamespaceSpec();
        result.Spec.Finalizers = next.Spec?.Finalizers is { } finalizers ? [.. finalizers] : null;
        return result;
    }
}
