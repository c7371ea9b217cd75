using MessagePack;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Core;

/// <summary>configSource (deprecated dynamic kubelet config) is not modelled.</summary>
[MessagePackObject]
public sealed class NodeSpec
{
    [Key(0)] public string? PodCIDR { get; set; }

    [Key(1)]
    [PatchStrategy("merge")]
    public List<string>? PodCIDRs { get; set; }

    [Key(2)] public string? ProviderID { get; set; }

    [Key(3)] public bool? Unschedulable { get; set; }

    [Key(4)] public List<Taint>? Taints { get; set; }

    /// <summary>Deprecated and ignored; kept so old manifests decode.</summary>
    [Key(5)] public string? ExternalID { get; set; }
}
