using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Registration;

/// <summary>
/// One resource as discovery, routing and the key layout see it. <see cref="ResourceDescriptor{T}"/> adds the
/// typed strategy. Adding a kind is a type plus one <see cref="ApiCatalog"/> registration.
/// </summary>
public abstract class ResourceDescriptor
{
    /// <summary>The API group; "" is the core group (served under /api/v1).</summary>
    public required string Group { get; init; }

    public required string Version { get; init; }

    public required string Kind { get; init; }

    /// <summary>The resource name in URLs and keys: "pods", "deployments".</summary>
    public required string Plural { get; init; }

    public required string Singular { get; init; }

    public required bool Namespaced { get; init; }

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>"all" puts it in <c>kubectl get all</c>.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Served subresources beyond the object itself ("status", "scale", "binding", "eviction").</summary>
    public IReadOnlyList<string> Subresources { get; init; } = [];

    /// <summary>Verbs: the full set for stored kinds; "create" only for virtual kinds such as SelfSubjectAccessReview.</summary>
    public IReadOnlyList<string> Verbs { get; init; } = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    /// <summary>False for kinds that are answered, not stored (reviews).</summary>
    public bool Stored { get; init; } = true;

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>"deployments.apps", or "pods" in the core group: how messages and Status details name it.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public abstract Type ObjectType { get; }

    /// <summary>
    /// The store key prefix of this resource, <c>/registry/&lt;plural&gt;/</c> (with the group for non-core groups
    /// whose plural could clash, as Kubernetes does for a few). Objects live at prefix + namespace + "/" + name.
    /// </summary>
    public string KeyPrefix => Group.Length == 0 || Group == "apps" ? $"/registry/{Plural}/" : $"/registry/{Group}/{Plural}/";

    public string Key(string? ns, string name) => Namespaced ? $"{KeyPrefix}{ns}/{name}" : $"{KeyPrefix}{name}";

    public abstract TResult Accept<TResult>(IResourceDescriptorVisitor<TResult> visitor);
}

public sealed class ResourceDescriptor<T> : ResourceDescriptor where T : class, IKubernetesObject, new()
{
    public required ResourceStrategy<T> Strategy { get; init; }

    public override Type ObjectType => typeof(T);

    public override TResult Accept<TResult>(IResourceDescriptorVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
