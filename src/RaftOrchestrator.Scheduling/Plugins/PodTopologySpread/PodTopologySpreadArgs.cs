using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Selectors;

namespace RaftOrchestrator.Scheduling.Plugins.PodTopologySpread;

/// <summary>
/// kube-scheduler's PodTopologySpreadArgs. With <see cref="SystemDefaulting"/> (the default) a pod that declares
/// no constraints gets kube-scheduler's system defaults, hostname maxSkew 3 and zone maxSkew 5, both
/// ScheduleAnyway, over the pods selected by its services and controllers: <see cref="DefaultSelector"/> supplies
/// that selector (the driver reads services, replica sets, replication controllers and stateful sets); without it,
/// or when it selects nothing, no default applies, as in kube-scheduler when a pod belongs to nothing.
/// </summary>
public sealed record PodTopologySpreadArgs(bool SystemDefaulting = true, Func<Pod, LabelSelectorMatcher?>? DefaultSelector = null)
{
    public const string ZoneLabel = "topology.kubernetes.io/zone";

    public const string HostnameLabel = "kubernetes.io/hostname";

    /// <summary>(topologyKey, maxSkew) of the system default constraints.</summary>
    public static IReadOnlyList<(string TopologyKey, int MaxSkew)> SystemDefaultConstraints { get; } = [(HostnameLabel, 3), (ZoneLabel, 5)];
}
