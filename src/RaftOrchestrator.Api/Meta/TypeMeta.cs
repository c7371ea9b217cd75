using MessagePack;

namespace RaftOrchestrator.Api.Meta;

/// <summary>Just apiVersion and kind: what a body is read as first, to find its type.</summary>
[MessagePackObject]
public sealed class TypeMeta
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }
}
