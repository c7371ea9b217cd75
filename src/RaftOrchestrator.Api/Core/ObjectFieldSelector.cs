using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>A field of the pod itself, e.g. metadata.name or status.podIP.</summary>
[MessagePackObject]
public sealed class ObjectFieldSelector
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string FieldPath { get; set; } = "";
}
