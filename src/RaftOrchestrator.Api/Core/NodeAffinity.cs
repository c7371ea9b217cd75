using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class NodeAffinity
{
    [Key(0)] public NodeSelector? RequiredDuringSchedulingIgnoredDuringExecution { get; set; }

    [Key(1)] public List<PreferredSchedulingTerm>? PreferredDuringSchedulingIgnoredDuringExecution { get; set; }
}
