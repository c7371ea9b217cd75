using RaftOrchestrator.Scheduling.Framework;
using RaftOrchestrator.Scheduling.Plugins;

namespace RaftOrchestrator.Scheduling;

/// <summary>
/// kube-scheduler's default profile for the plugins that exist here, in its order and with its score weights
/// (TaintToleration 3, NodeAffinity 2, NodeResourcesFit 1, PodTopologySpread 2, InterPodAffinity 2,
/// NodeResourcesBalancedAllocation 1), DefaultPreemption as its PostFilter; the volume plugins and ImageLocality
/// are not implemented.
/// </summary>
public static class DefaultProfile
{
    public const string SchedulerName = "default-scheduler";

    public static SchedulerProfile Create() => new(SchedulerName,
    [
        new PluginRef(PluginNames.PrioritySort),
        new PluginRef(PluginNames.NodeUnschedulable),
        new PluginRef(PluginNames.NodeName),
        new PluginRef(PluginNames.TaintToleration, Weight: 3),
        new PluginRef(PluginNames.NodeAffinity, Weight: 2),
        new PluginRef(PluginNames.NodePorts),
        new PluginRef(PluginNames.NodeResourcesFit, Weight: 1),
        new PluginRef(PluginNames.PodTopologySpread, Weight: 2),
        new PluginRef(PluginNames.InterPodAffinity, Weight: 2),
        new PluginRef(PluginNames.DefaultPreemption),
        new PluginRef(PluginNames.NodeResourcesBalancedAllocation, Weight: 1),
    ]);
}
