using MessagePack;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class NamespaceStatus
{
    /// <summary>"Active" or "Terminating".</summary>
    [Key(0)] public string? Phase { get; set; }

    [Key(1)]
    [PatchMergeKey("type")]
    public List<NamespaceCondition>? Conditions { get; set; }
}
