using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ScopedResourceSelectorRequirement
{
    [Key(0)] public string ScopeName { get; set; } = "";

    /// <summary>In, NotIn, Exists or DoesNotExist.</summary>
    [Key(1)] public string Operator { get; set; } = "";

    [Key(2)] public List<string>? Values { get; set; }
}
