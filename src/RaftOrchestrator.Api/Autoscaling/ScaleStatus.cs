using MessagePack;

namespace RaftOrchestrator.Api.Autoscaling;

[MessagePackObject]
public sealed class ScaleStatus
{
    /// <summary>Always written, as Kubernetes does.</summary>
    [Key(0)] public int Replicas { get; set; }

    /// <summary>The label selector of the pods, in its string form ("app=web").</summary>
    [Key(1)] public string? Selector { get; set; }
}
