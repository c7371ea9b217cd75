using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>A reference by name to an object in the same namespace (imagePullSecrets).</summary>
[MessagePackObject]
public sealed class LocalObjectReference
{
    [Key(0)] public string? Name { get; set; }
}
