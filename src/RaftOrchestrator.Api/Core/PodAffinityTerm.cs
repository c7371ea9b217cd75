using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class PodAffinityTerm
{
    [Key(0)] public LabelSelector? LabelSelector { get; set; }

    [Key(1)] public List<string>? Namespaces { get; set; }

    [Key(2)] public string TopologyKey { get; set; } = "";

    [Key(3)] public LabelSelector? NamespaceSelector { get; set; }

    [Key(4)] public List<string>? MatchLabelKeys { get; set; }

    [Key(5)] public List<string>? MismatchLabelKeys { get; set; }
}
