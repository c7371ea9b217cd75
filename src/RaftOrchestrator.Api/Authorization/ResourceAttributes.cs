using MessagePack;

namespace RaftOrchestrator.Api.Authorization;

/// <summary>A request on a resource; empty fields and "*" mean all.</summary>
[MessagePackObject]
public sealed class ResourceAttributes
{
    [Key(0)] public string? Namespace { get; set; }

    [Key(1)] public string? Verb { get; set; }

    [Key(2)] public string? Group { get; set; }

    [Key(3)] public string? Version { get; set; }

    [Key(4)] public string? Resource { get; set; }

    [Key(5)] public string? Subresource { get; set; }

    [Key(6)] public string? Name { get; set; }

    [Key(7)] public FieldSelectorAttributes? FieldSelector { get; set; }

    [Key(8)] public LabelSelectorAttributes? LabelSelector { get; set; }
}
