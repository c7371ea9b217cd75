using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Server.Kube.Registry;

namespace RaftOrchestrator.Server.Kube.Endpoints;

public sealed partial class ResourceEndpoint<T>
{
    private Task HandleStatusAsync(EndpointRequest request, string method) => method switch
    {
        "GET" => GetAsync(request),
        "PUT" => ReplaceAsync(request),
        "PATCH" => PatchAsync(request, UpdateMode.Status),
        _ => Replies.StatusAsync(request.Context, ApiStatus.MethodNotAllowed()),
    };

    /// <summary>
    /// The scale subresource (autoscaling/v1 Scale): spec.replicas of the object, status.replicas and the selector.
    /// kubectl scale sends a merge patch of the Scale, or a PUT with the Scale's resourceVersion as precondition.
    /// </summary>
    private async Task HandleScaleAsync(EndpointRequest request, string method)
    {
        ScaleAccess<T> scale = Strategy.Scale!;
        if (method == HttpMethods.Get)
        {
            if (await BarrierAsync(ListOptions.Value(request.Query, "resourceVersion"), request.Aborted) is { } unavailable)
            {
                await Replies.StatusAsync(request.Context, unavailable);
                return;
            }
            Stored<T>? stored = _store.Get(NamespaceOf(request), request.Info.Name!);
            await (stored is null
                ? Replies.StatusAsync(request.Context, ApiStatus.NotFound(_descriptor, request.Info.Name!))
                : ReplyScaleAsync(request, stored.Value, scale));
            return;
        }
        if (method != HttpMethods.Put && method != HttpMethods.Patch)
        {
            await Replies.StatusAsync(request.Context, ApiStatus.MethodNotAllowed());
            return;
        }
        (byte[]? body, Status? tooLarge) = await RequestBody.ReadAsync(request.Context.Request, request.Aborted);
        if (tooLarge is not null)
        {
            await Replies.StatusAsync(request.Context, tooLarge);
            return;
        }
        JsonNode? change;
        try
        {
            change = JsonNode.Parse(body!);
        }
        catch (JsonException e)
        {
            await Replies.StatusAsync(request.Context, ApiStatus.BadRequest($"Scale in version \"v1\" cannot be handled as a Scale: {e.Message}"));
            return;
        }
        await UpdateAsync(request, current =>
        {
            if (current is null)
            {
                return (null, ApiStatus.NotFound(_descriptor, request.Info.Name!));
            }
            JsonNode scaleNode = ScaleJson(current.Value, scale);
            JsonNode? target = method == HttpMethods.Put ? change : PatchApplier.MergePatch(scaleNode, change);
            if (target?["spec"]?["replicas"] is not JsonValue replicasValue || !replicasValue.TryGetValue(out int replicas))
            {
                return (null, ApiStatus.Invalid(_descriptor, request.Info.Name!, [new Api.Validation.FieldError("FieldValueRequired", "spec.replicas", "Required value")]));
            }
            if (replicas < 0)
            {
                return (null, ApiStatus.Invalid(_descriptor, request.Info.Name!, [new Api.Validation.FieldError("FieldValueInvalid", "spec.replicas", $"Invalid value: {replicas}: must be greater than or equal to 0")]));
            }
            T next = _store.Codec.Clone(current.Value, current.Revision);
            next.Metadata.ResourceVersion = target["metadata"]?["resourceVersion"]?.GetValue<string>() is { Length: > 0 } rv && method == HttpMethods.Put ? rv : null;
            scale.SetReplicas(next, replicas);
            return (next, null);
        }, UpdateMode.Main, allowCreate: false, null, replyWith: stored => ReplyScaleAsync(request, stored, scale));
    }

    private static Task ReplyScaleAsync(EndpointRequest request, T value, ScaleAccess<T> scale) =>
        Replies.JsonAsync(request.Context, ScaleJson(value, scale), 200, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonNode>)ApiJson.Options.GetTypeInfo(typeof(JsonNode)));

    private static JsonObject ScaleJson(T value, ScaleAccess<T> scale)
    {
        var metadata = new JsonObject
        {
            ["name"] = value.Metadata.Name,
            ["uid"] = value.Metadata.Uid,
            ["resourceVersion"] = value.Metadata.ResourceVersion,
            ["creationTimestamp"] = value.Metadata.CreationTimestamp?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        if (value.Metadata.Namespace is { } ns)
        {
            metadata["namespace"] = ns;
        }
        var status = new JsonObject { ["replicas"] = scale.GetStatusReplicas(value) };
        if (scale.GetSelector(value) is { Length: > 0 } selector)
        {
            status["selector"] = selector;
        }
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["replicas"] = scale.GetReplicas(value) },
            ["status"] = status,
        };
    }
}
