namespace RaftOrchestrator.Api.Meta;

/// <summary>
/// A top-level API object: it carries its type (apiVersion, kind) and its metadata. Every stored kind implements it;
/// the server fills apiVersion and kind on the way out, and resourceVersion from the store's mod revision.
/// </summary>
public interface IKubernetesObject
{
    string? ApiVersion { get; set; }

    string? Kind { get; set; }

    /// <summary>Never null once decoded by <see cref="Serialization.ApiJson"/> or <see cref="Serialization.ApiMessagePack"/>.</summary>
    ObjectMeta Metadata { get; set; }
}
