namespace RaftOrchestrator.Testing;

/// <summary>The verbs of <see cref="Client.IResourceClient{T}"/>, for fault rules and recorded actions.</summary>
public enum InMemoryVerb
{
    Get = 0,
    List,
    Watch,
    Create,
    Update,
    UpdateStatus,
    Patch,
    Delete,
    /// <summary>A POST to a subresource (pods/binding, pods/eviction).</summary>
    PostSubresource,
}
