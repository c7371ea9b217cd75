using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// A reference to any object (an event's involvedObject, an address's targetRef, a service account's secrets);
/// every field is optional.
/// </summary>
[MessagePackObject]
public sealed class ObjectReference
{
    [Key(0)] public string? Kind { get; set; }

    [Key(1)] public string? Namespace { get; set; }

    [Key(2)] public string? Name { get; set; }

    [Key(3)] public string? Uid { get; set; }

    [Key(4)] public string? ApiVersion { get; set; }

    [Key(5)] public string? ResourceVersion { get; set; }

    /// <summary>Part of the object, e.g. "spec.containers{name}".</summary>
    [Key(6)] public string? FieldPath { get; set; }
}
