using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ReplicationControllerSpec
{
    /// <summary>Defaulted to 1.</summary>
    [Key(0)] public int? Replicas { get; set; }

    [Key(1)] public int? MinReadySeconds { get; set; }

    /// <summary>Defaulted to the template's labels.</summary>
    [Key(2)] public Dictionary<string, string>? Selector { get; set; }

    [Key(3)] public PodTemplateSpec? Template { get; set; }
}
