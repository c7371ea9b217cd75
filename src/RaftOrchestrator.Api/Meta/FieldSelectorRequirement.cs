using MessagePack;

namespace RaftOrchestrator.Api.Meta;

[MessagePackObject]
public sealed class FieldSelectorRequirement
{
    [Key(0)] public string Key { get; set; } = "";

    /// <summary>In, NotIn, Exists or DoesNotExist.</summary>
    [Key(1)] public string Operator { get; set; } = "";

    [Key(2)] public List<string>? Values { get; set; }
}
