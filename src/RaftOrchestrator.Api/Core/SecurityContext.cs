using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>Container-level security settings; they override the pod's where both are set.</summary>
[MessagePackObject]
public sealed class SecurityContext
{
    [Key(0)] public Capabilities? Capabilities { get; set; }

    [Key(1)] public bool? Privileged { get; set; }

    [Key(2)] public SELinuxOptions? SeLinuxOptions { get; set; }

    [Key(3)] public WindowsSecurityContextOptions? WindowsOptions { get; set; }

    [Key(4)] public long? RunAsUser { get; set; }

    [Key(5)] public long? RunAsGroup { get; set; }

    [Key(6)] public bool? RunAsNonRoot { get; set; }

    [Key(7)] public bool? ReadOnlyRootFilesystem { get; set; }

    [Key(8)] public bool? AllowPrivilegeEscalation { get; set; }

    [Key(9)] public string? ProcMount { get; set; }

    [Key(10)] public SeccompProfile? SeccompProfile { get; set; }

    [Key(11)] public AppArmorProfile? AppArmorProfile { get; set; }
}
