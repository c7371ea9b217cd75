using MessagePack;

namespace RaftOrchestrator.Api.Autoscaling;

[MessagePackObject]
public sealed class ScaleSpec
{
    [Key(0)] public int? Replicas { get; set; }
}
