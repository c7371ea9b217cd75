using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class NodeSelectorRequirement
{
    [Key(0)] public string Key { get; set; } = "";

    /// <summary>In, NotIn, Exists, DoesNotExist, Gt or Lt.</summary>
    [Key(1)] public string Operator { get; set; } = "";

    [Key(2)] public List<string>? Values { get; set; }
}
