using MessagePack;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Core;

/// <summary>One container of a pod (also the shape of init containers).</summary>
[MessagePackObject]
public sealed class Container
{
    /// <summary>A DNS label, unique among the pod's containers and init containers.</summary>
    [Key(0)] public string Name { get; set; } = "";

    [Key(1)] public string? Image { get; set; }

    [Key(2)] public List<string>? Command { get; set; }

    [Key(3)] public List<string>? Args { get; set; }

    [Key(4)] public string? WorkingDir { get; set; }

    [Key(5)]
    [PatchMergeKey("containerPort")]
    public List<ContainerPort>? Ports { get; set; }

    [Key(6)] public List<EnvFromSource>? EnvFrom { get; set; }

    [Key(7)]
    [PatchMergeKey("name")]
    public List<EnvVar>? Env { get; set; }

    [Key(8)] public ResourceRequirements? Resources { get; set; }

    [Key(9)] public List<ContainerResizePolicy>? ResizePolicy { get; set; }

    /// <summary>Only "Always", only on an init container: that makes it a sidecar.</summary>
    [Key(10)] public string? RestartPolicy { get; set; }

    [Key(11)]
    [PatchMergeKey("mountPath")]
    public List<VolumeMount>? VolumeMounts { get; set; }

    [Key(12)]
    [PatchMergeKey("devicePath")]
    public List<VolumeDevice>? VolumeDevices { get; set; }

    [Key(13)] public Probe? LivenessProbe { get; set; }

    [Key(14)] public Probe? ReadinessProbe { get; set; }

    [Key(15)] public Probe? StartupProbe { get; set; }

    [Key(16)] public Lifecycle? Lifecycle { get; set; }

    /// <summary>Defaulted to /dev/termination-log.</summary>
    [Key(17)] public string? TerminationMessagePath { get; set; }

    /// <summary>File (the default) or FallbackToLogsOnError.</summary>
    [Key(18)] public string? TerminationMessagePolicy { get; set; }

    /// <summary>Always, IfNotPresent or Never; defaulted from the image tag.</summary>
    [Key(19)] public string? ImagePullPolicy { get; set; }

    [Key(20)] public SecurityContext? SecurityContext { get; set; }

    [Key(21)] public bool? Stdin { get; set; }

    [Key(22)] public bool? StdinOnce { get; set; }

    [Key(23)] public bool? Tty { get; set; }
}
