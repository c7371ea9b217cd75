using System.Text.Json;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Policy;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Server.Kube.Endpoints;

namespace RaftOrchestrator.Server.Kube.Kinds;

/// <summary>
/// POST pods/{name}/eviction (policy/v1 Eviction, what kubectl drain sends): deletes the pod with the eviction's
/// delete options and answers 201 Success. PodDisruptionBudgets are not served yet, so no eviction is refused
/// for one.
/// </summary>
public sealed class PodEvictionHandler : ISubresourceHandler<Pod>
{
    public string Name => "eviction";

    public async Task HandleAsync(ResourceEndpoint<Pod> endpoint, EndpointRequest request)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(request);
        (byte[]? body, Status? tooLarge) = await PostBody.ReadAsync(request);
        if (tooLarge is not null)
        {
            await Replies.StatusAsync(request.Context, tooLarge);
            return;
        }
        Eviction? eviction;
        try
        {
            eviction = body is { Length: > 0 } ? JsonSerializer.Deserialize(body, ApiJson.TypeInfo<Eviction>()) : new Eviction();
        }
        catch (JsonException e)
        {
            await Replies.StatusAsync(request.Context, ApiStatus.BadRequest($"Eviction in version \"v1\" cannot be handled as a Eviction: {e.Message}"));
            return;
        }
        if (eviction?.Metadata.Name is { Length: > 0 } named && named != request.Info.Name)
        {
            await Replies.StatusAsync(request.Context, ApiStatus.BadRequest($"name in URL does not match name in Eviction object: {request.Info.Name} vs {named}"));
            return;
        }
        if (await endpoint.BarrierAsync(null, request.Aborted) is { } unavailable)
        {
            await Replies.StatusAsync(request.Context, unavailable);
            return;
        }
        (_, Status? error) = await endpoint.DeleteOneAsync(request, request.Info.Name!, eviction?.DeleteOptions ?? new DeleteOptions());
        await Replies.StatusAsync(request.Context, error ?? new Status { Outcome = "Success", Code = 201 });
    }
}
