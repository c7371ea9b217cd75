using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class Affinity
{
    [Key(0)] public NodeAffinity? NodeAffinity { get; set; }

    [Key(1)] public PodAffinity? PodAffinity { get; set; }

    [Key(2)] public PodAntiAffinity? PodAntiAffinity { get; set; }
}
