using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>A reference to an object by name in the same namespace.</summary>
[MessagePackObject]
public sealed class LocalObjectReference
{
    [Key(0)] public string? Name { get; set; }
}
