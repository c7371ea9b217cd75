using System.Collections.Concurrent;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;

namespace RaftOrchestrator.Client.Events;

/// <summary>
/// The involvedObject of an event about an object: kind and apiVersion from the object, or, when a cache copy lacks
/// them, from the catalog entry of its type; namespace, name, uid and resourceVersion from its metadata.
/// </summary>
internal static class InvolvedReference
{
    private static readonly ConcurrentDictionary<Type, (string ApiVersion, string Kind)> s_types = new();

    public static ObjectReference Of(IKubernetesObject value)
    {
        (string apiVersion, string kind) = TypeOf(value);
        ObjectMeta meta = value.Metadata;
        return new ObjectReference
        {
            Kind = kind,
            ApiVersion = apiVersion,
            Namespace = string.IsNullOrEmpty(meta.Namespace) ? null : meta.Namespace,
            Name = meta.Name,
            Uid = meta.Uid,
            ResourceVersion = meta.ResourceVersion,
        };
    }

    private static (string ApiVersion, string Kind) TypeOf(IKubernetesObject value)
    {
        if (!string.IsNullOrEmpty(value.Kind) && !string.IsNullOrEmpty(value.ApiVersion))
        {
            return (value.ApiVersion, value.Kind);
        }
        return s_types.GetOrAdd(value.GetType(), static type =>
            ApiCatalog.Default.Resources.FirstOrDefault(r => r.ObjectType == type) is { } descriptor
                ? (descriptor.ApiVersion, descriptor.Kind)
                : ("", type.Name));
    }
}
