using MessagePack;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Apps;

[MessagePackObject]
public sealed class DeploymentSpec
{
    /// <summary>Defaulted to 1.</summary>
    [Key(0)] public int? Replicas { get; set; }

    /// <summary>Required, and immutable in apps/v1.</summary>
    [Key(1)] public LabelSelector? Selector { get; set; }

    [Key(2)] public PodTemplateSpec Template { get; set; } = new();

    [Key(3)]
    [PatchStrategy("retainKeys")]
    public DeploymentStrategy? Strategy { get; set; }

    [Key(4)] public int? MinReadySeconds { get; set; }

    /// <summary>Defaulted to 10.</summary>
    [Key(5)] public int? RevisionHistoryLimit { get; set; }

    [Key(6)] public bool? Paused { get; set; }

    /// <summary>Defaulted to 600.</summary>
    [Key(7)] public int? ProgressDeadlineSeconds { get; set; }
}
