using System.Text.Json.Serialization;
using MessagePack;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// What runs and where. Immutable after create except images, activeDeadlineSeconds, tolerations (additions) and
/// terminationGracePeriodSeconds.
/// </summary>
[MessagePackObject]
public sealed class PodSpec
{
    [Key(0)]
    [PatchMergeKey("name")]
    [PatchStrategy("merge,retainKeys")]
    public List<Volume>? Volumes { get; set; }

    [Key(1)]
    [PatchMergeKey("name")]
    public List<Container>? InitContainers { get; set; }

    [Key(2)]
    [PatchMergeKey("name")]
    public List<Container> Containers { get; set; } = [];

    /// <summary>Always (the default), OnFailure or Never.</summary>
    [Key(3)] public string? RestartPolicy { get; set; }

    /// <summary>Seconds between the stop signal and the kill; defaulted to 30.</summary>
    [Key(4)] public long? TerminationGracePeriodSeconds { get; set; }

    [Key(5)] public long? ActiveDeadlineSeconds { get; set; }

    /// <summary>ClusterFirst (the default), ClusterFirstWithHostNet, Default or None.</summary>
    [Key(6)] public string? DnsPolicy { get; set; }

    [Key(7)] public Dictionary<string, string>? NodeSelector { get; set; }

    [Key(8)] public string? ServiceAccountName { get; set; }

    /// <summary>Deprecated alias of serviceAccountName, kept in step with it by defaulting.</summary>
    [Key(9)]
    [JsonPropertyName("serviceAccount")]
    public string? DeprecatedServiceAccount { get; set; }

    [Key(10)] public bool? AutomountServiceAccountToken { get; set; }

    /// <summary>Set by the binding subresource once scheduled.</summary>
    [Key(11)] public string? NodeName { get; set; }

    [Key(12)] public bool? HostNetwork { get; set; }

    [Key(13)] public bool? HostPID { get; set; }

    [Key(14)] public bool? HostIPC { get; set; }

    [Key(15)] public bool? ShareProcessNamespace { get; set; }

    [Key(16)] public PodSecurityContext? SecurityContext { get; set; }

    [Key(17)]
    [PatchMergeKey("name")]
    public List<LocalObjectReference>? ImagePullSecrets { get; set; }

    [Key(18)] public string? Hostname { get; set; }

    [Key(19)] public string? Subdomain { get; set; }

    [Key(20)] public Affinity? Affinity { get; set; }

    [Key(21)] public string? SchedulerName { get; set; }

    [Key(22)] public List<Toleration>? Tolerations { get; set; }

    [Key(23)]
    [PatchMergeKey("ip")]
    public List<HostAlias>? HostAliases { get; set; }

    [Key(24)] public string? PriorityClassName { get; set; }

    [Key(25)] public int? Priority { get; set; }

    [Key(26)] public PodDNSConfig? DnsConfig { get; set; }

    [Key(27)] public List<PodReadinessGate>? ReadinessGates { get; set; }

    [Key(28)] public string? RuntimeClassName { get; set; }

    [Key(29)] public bool? EnableServiceLinks { get; set; }

    /// <summary>PreemptLowerPriority or Never.</summary>
    [Key(30)] public string? PreemptionPolicy { get; set; }

    [Key(31)] public Dictionary<string, Quantity>? Overhead { get; set; }

    [Key(32)]
    [PatchMergeKey("topologyKey")]
    public List<TopologySpreadConstraint>? TopologySpreadConstraints { get; set; }

    [Key(33)] public bool? SetHostnameAsFQDN { get; set; }

    [Key(34)] public PodOS? OS { get; set; }

    [Key(35)] public bool? HostUsers { get; set; }

    [Key(36)]
    [PatchMergeKey("name")]
    public List<PodSchedulingGate>? SchedulingGates { get; set; }

    [Key(37)]
    [PatchMergeKey("name")]
    [PatchStrategy("merge,retainKeys")]
    public List<PodResourceClaim>? ResourceClaims { get; set; }

    /// <summary>Pod-level resources (a budget shared by the containers).</summary>
    [Key(38)] public ResourceRequirements? Resources { get; set; }
}
