using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>Pod-level security settings, defaulted to an empty object.</summary>
[MessagePackObject]
public sealed class PodSecurityContext
{
    [Key(0)] public SELinuxOptions? SeLinuxOptions { get; set; }

    [Key(1)] public WindowsSecurityContextOptions? WindowsOptions { get; set; }

    [Key(2)] public long? RunAsUser { get; set; }

    [Key(3)] public long? RunAsGroup { get; set; }

    [Key(4)] public bool? RunAsNonRoot { get; set; }

    [Key(5)] public List<long>? SupplementalGroups { get; set; }

    [Key(6)] public string? SupplementalGroupsPolicy { get; set; }

    [Key(7)] public long? FsGroup { get; set; }

    [Key(8)] public List<Sysctl>? Sysctls { get; set; }

    [Key(9)] public string? FsGroupChangePolicy { get; set; }

    [Key(10)] public SeccompProfile? SeccompProfile { get; set; }

    [Key(11)] public AppArmorProfile? AppArmorProfile { get; set; }

    [Key(12)] public string? SeLinuxChangePolicy { get; set; }
}
