using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Testing;

/// <summary>One call a <see cref="RecordingEventHandler{T}"/> received: "add", "update" or "delete", with the objects.</summary>
public sealed record RecordedChange<T>(string Type, T? Previous, T Value) where T : class, IKubernetesObject
{
    /// <summary>"add default/a", "update default/a", "delete default/a": what tests usually compare.</summary>
    public string Summary => $"{Type} {(Value.Metadata.Namespace is { Length: > 0 } ns ? ns + "/" : "")}{Value.Metadata.Name}";

    public override string ToString() => Summary;
}
