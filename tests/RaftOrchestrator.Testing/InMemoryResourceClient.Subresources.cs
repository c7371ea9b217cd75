using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Policy;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Testing;

internal sealed partial class InMemoryResourceClient<T>
{
    /// <summary>
    /// pods/binding (any body whose JSON has target.name: sets spec.nodeName of an unbound pod, 409 if bound or
    /// terminating) and pods/eviction (an Eviction: deletes the pod with its delete options). Both answer a Status
    /// (201 Success). Other subresources are 404.
    /// </summary>
    internal ApiResult<TReply> PostSubresource<TBody, TReply>(string? ns, string name, string subresource, TBody body)
        where TBody : class, IKubernetesObject, new()
        where TReply : class
    {
        if (typeof(T) != typeof(Pod))
        {
            return Fail<TReply>(InMemoryStatus.NotFoundPath());
        }
        Status status;
        switch (subresource)
        {
            case "binding":
                status = Bind(ns, name, TargetName(body));
                break;
            case "eviction":
                DeleteOptions options = (body as Eviction)?.DeleteOptions ?? new DeleteOptions();
                ApiResult<T> deleted = Delete(ns, name, options);
                status = deleted.IsOk ? InMemoryStatus.Success(201) : deleted.Error;
                break;
            default:
                return Fail<TReply>(InMemoryStatus.NotFoundPath());
        }
        if (status.Outcome != "Success")
        {
            return Fail<TReply>(status);
        }
        return status is TReply reply
            ? ApiResult.Ok(reply)
            : Fail<TReply>(InMemoryStatus.InternalError($"pods/{subresource} answers a Status, not a {typeof(TReply).Name}"));
    }

    private Status Bind(string? ns, string name, string? node)
    {
        if (string.IsNullOrEmpty(node))
        {
            return InMemoryStatus.BadRequest("a Binding needs target.name (the node)");
        }
        string key = _store.Key(ns, name);
        if (_store.Current(key) is not { } current)
        {
            return InMemoryStatus.NotFound(Descriptor, name);
        }
        var pod = (Pod)(object)_store.Decode(current.Bytes!, current.Revision);
        if (pod.Metadata.DeletionTimestamp is not null)
        {
            return InMemoryStatus.Conflict(Descriptor, name, "pod is being deleted, cannot be assigned to a host");
        }
        if (!string.IsNullOrEmpty(pod.Spec.NodeName))
        {
            return InMemoryStatus.Conflict(Descriptor, name, $"pod {name} is already assigned to node \"{pod.Spec.NodeName}\"");
        }
        pod.Spec.NodeName = node;
        Put(key, _store.Encode((T)(object)pod));
        return InMemoryStatus.Success(201);
    }

    /// <summary>The model's JSON contract, falling back to reflection for body types outside the model (a test's Binding).</summary>
    private static readonly JsonSerializerOptions s_bodyJson = new(ApiJson.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ApiJson.Options.TypeInfoResolver, new DefaultJsonTypeInfoResolver()),
    };

    private static string? TargetName<TBody>(TBody body) where TBody : class
    {
        try
        {
            return JsonSerializer.SerializeToNode(body, s_bodyJson)?["target"]?["name"]?.GetValue<string>();
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or JsonException)
        {
            return null;
        }
    }
}
