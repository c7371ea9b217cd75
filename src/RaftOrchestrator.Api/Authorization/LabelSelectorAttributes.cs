using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Authorization;

/// <summary>The label selector of a list or watch being authorized: the raw form or parsed requirements.</summary>
[MessagePackObject]
public sealed class LabelSelectorAttributes
{
    [Key(0)] public string? RawSelector { get; set; }

    [Key(1)] public List<LabelSelectorRequirement>? Requirements { get; set; }
}
