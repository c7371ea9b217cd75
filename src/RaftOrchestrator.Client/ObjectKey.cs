using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client;

/// <summary>The identity controllers queue and reconcile by: namespace (null for cluster-scoped) and name.</summary>
public readonly record struct ObjectKey(string? Namespace, string Name)
{
    public static ObjectKey Of(IKubernetesObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ObjectKey(value.Metadata.Namespace is { Length: > 0 } ns ? ns : null, value.Metadata.Name ?? "");
    }

    /// <summary>"namespace/name", or "name" for cluster-scoped objects (client-go's MetaNamespaceKeyFunc).</summary>
    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
