using MessagePack;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// Defaults (type ClusterIP, sessionAffinity None, port protocol TCP, ...) are applied by <see
/// cref="ServiceResourceStrategy"/>.
/// </summary>
[MessagePackObject]
public sealed class ServiceSpec
{
    [Key(0)]
    [PatchMergeKey("port")]
    public List<ServicePort>? Ports { get; set; }

    [Key(1)] public Dictionary<string, string>? Selector { get; set; }

    /// <summary>"None" makes the service headless; empty asks for an allocation.</summary>
    [Key(2)] public string? ClusterIP { get; set; }

    [Key(3)] public List<string>? ClusterIPs { get; set; }

    /// <summary>ClusterIP, NodePort, LoadBalancer or ExternalName.</summary>
    [Key(4)] public string? Type { get; set; }

    [Key(5)] public List<string>? ExternalIPs { get; set; }

    [Key(6)] public string? SessionAffinity { get; set; }

    [Key(7)] public string? LoadBalancerIP { get; set; }

    [Key(8)] public List<string>? LoadBalancerSourceRanges { get; set; }

    [Key(9)] public string? ExternalName { get; set; }

    [Key(10)] public string? ExternalTrafficPolicy { get; set; }

    [Key(11)] public int? HealthCheckNodePort { get; set; }

    [Key(12)] public bool? PublishNotReadyAddresses { get; set; }

    [Key(13)] public SessionAffinityConfig? SessionAffinityConfig { get; set; }

    [Key(14)] public List<string>? IpFamilies { get; set; }

    [Key(15)] public string? IpFamilyPolicy { get; set; }

    [Key(16)] public bool? AllocateLoadBalancerNodePorts { get; set; }

    [Key(17)] public string? LoadBalancerClass { get; set; }

    [Key(18)] public string? InternalTrafficPolicy { get; set; }

    [Key(19)] public string? TrafficDistribution { get; set; }
}
