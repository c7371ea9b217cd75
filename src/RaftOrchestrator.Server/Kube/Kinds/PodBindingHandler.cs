using System.Text.Json;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Validation;
using RaftOrchestrator.Server.Kube.Bindings;
using RaftOrchestrator.Server.Kube.Endpoints;
using RaftOrchestrator.Server.Kube.Registry;

namespace RaftOrchestrator.Server.Kube.Kinds;

/// <summary>
/// POST pods/{name}/binding: assigns an unbound pod to a node (what a scheduler does). Only spec.nodeName and the
/// PodScheduled condition of an unbound, not terminating pod change; a pod already bound answers 409, as
/// kube-apiserver does. Like kube-apiserver it does not check the node: the scheduler that sends it did. The same
/// transaction bumps the node's allocation key, so a binding batch that checked that node concurrently re-checks.
/// </summary>
public sealed class PodBindingHandler : ISubresourceHandler<Pod>
{
    public string Name => "binding";

    public async Task HandleAsync(ResourceEndpoint<Pod> endpoint, EndpointRequest request)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(request);
        (byte[]? body, Status? tooLarge) = await PostBody.ReadAsync(request);
        string? node = null;
        if (tooLarge is null)
        {
            try
            {
                node = JsonNode.Parse(body!)?["target"]?["name"]?.GetValue<string>();
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
            }
        }
        if (tooLarge is not null || string.IsNullOrEmpty(node))
        {
            await Replies.StatusAsync(request.Context, tooLarge ?? ApiStatus.BadRequest("a Binding needs target.name (the node)"));
            return;
        }
        if (!NameValidation.IsDns1123Subdomain(node))
        {
            // the name becomes part of the node's allocation key
            await Replies.StatusAsync(request.Context, ApiStatus.BadRequest($"target.name: Invalid value: \"{node}\": a node name must be a DNS-1123 subdomain"));
            return;
        }
        Status result = await BindAsync(endpoint, request, node);
        await Replies.StatusAsync(request.Context, result);
    }

    private static async Task<Status> BindAsync(ResourceEndpoint<Pod> endpoint, EndpointRequest request, string node)
    {
        if (await endpoint.BarrierAsync(null, request.Aborted) is { } unavailable)
        {
            return unavailable;
        }
        string name = request.Info.Name!;
        for (int attempt = 0; attempt < 16; attempt++)
        {
            Stored<Pod>? current = endpoint.Store.Get(request.Info.Namespace, name);
            if (current is null)
            {
                return ApiStatus.NotFound(endpoint.Descriptor, name);
            }
            Pod pod = current.Value;
            if (pod.Metadata.DeletionTimestamp is not null)
            {
                return ApiStatus.Conflict(endpoint.Descriptor, name, "pod is being deleted, cannot be assigned to a host");
            }
            if (!string.IsNullOrEmpty(pod.Spec.NodeName))
            {
                return ApiStatus.Conflict(endpoint.Descriptor, name, $"pod {name} is already assigned to node \"{pod.Spec.NodeName}\"");
            }
            PodAssignment.Assign(pod, node, endpoint.Services.NowSeconds());
            WriteOutcome outcome = await endpoint.Store.UpdateAsync(pod, current.Revision, [PodAssignment.AllocationPut(node)], request.Aborted);
            if (outcome.Status == WriteStatus.Ok)
            {
                return new Status { Outcome = "Success", Code = 201 };
            }
            if (outcome.Status != WriteStatus.Conflict)
            {
                return ResourceEndpoint<Pod>.WriteFailure(outcome);
            }
        }
        return ApiStatus.Conflict(endpoint.Descriptor, name, "the pod kept changing; please try again");
    }
}
