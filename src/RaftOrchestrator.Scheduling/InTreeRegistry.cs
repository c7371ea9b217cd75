using RaftOrchestrator.Scheduling.Framework;
using RaftOrchestrator.Scheduling.Plugins;
using RaftOrchestrator.Scheduling.Plugins.DefaultPreemption;
using RaftOrchestrator.Scheduling.Plugins.InterPodAffinity;
using RaftOrchestrator.Scheduling.Plugins.NodeResources;
using RaftOrchestrator.Scheduling.Plugins.PodTopologySpread;
using RaftOrchestrator.Scheduling.Plugins.QueueSort;
using AffinityPlugin = RaftOrchestrator.Scheduling.Plugins.NodeAffinity.NodeAffinity;
using InterPodAffinityPlugin = RaftOrchestrator.Scheduling.Plugins.InterPodAffinity.InterPodAffinity;
using PreemptionPlugin = RaftOrchestrator.Scheduling.Plugins.DefaultPreemption.DefaultPreemption;
using SpreadPlugin = RaftOrchestrator.Scheduling.Plugins.PodTopologySpread.PodTopologySpread;
using NodeNamePlugin = RaftOrchestrator.Scheduling.Plugins.NodeName.NodeName;
using NodePortsPlugin = RaftOrchestrator.Scheduling.Plugins.NodePorts.NodePorts;
using TaintPlugin = RaftOrchestrator.Scheduling.Plugins.TaintToleration.TaintToleration;
using UnschedulablePlugin = RaftOrchestrator.Scheduling.Plugins.NodeUnschedulable.NodeUnschedulable;

namespace RaftOrchestrator.Scheduling;

/// <summary>The plugins built into this scheduler, by their kube-scheduler names.</summary>
public static class InTreeRegistry
{
    /// <summary>A new registry (callers may register out-of-tree plugins on it) holding every in-tree plugin.</summary>
    public static PluginRegistry Create() => new PluginRegistry()
        .Register(PluginNames.PrioritySort, _ => new PrioritySort())
        .Register(PluginNames.NodeUnschedulable, _ => new UnschedulablePlugin())
        .Register(PluginNames.NodeName, _ => new NodeNamePlugin())
        .Register(PluginNames.TaintToleration, _ => new TaintPlugin())
        .Register(PluginNames.NodeAffinity, _ => new AffinityPlugin())
        .Register(PluginNames.NodePorts, _ => new NodePortsPlugin())
        .Register(PluginNames.NodeResourcesFit, args => new NodeResourcesFit(Args<NodeResourcesFitArgs>(PluginNames.NodeResourcesFit, args)))
        .Register(PluginNames.NodeResourcesBalancedAllocation, args => new NodeResourcesBalancedAllocation(Args<NodeResourcesBalancedAllocationArgs>(PluginNames.NodeResourcesBalancedAllocation, args)))
        .Register(PluginNames.PodTopologySpread, args => new SpreadPlugin(Args<PodTopologySpreadArgs>(PluginNames.PodTopologySpread, args)))
        .Register(PluginNames.InterPodAffinity, args => new InterPodAffinityPlugin(Args<InterPodAffinityArgs>(PluginNames.InterPodAffinity, args)))
        .Register(PluginNames.DefaultPreemption, args => new PreemptionPlugin(Args<DefaultPreemptionArgs>(PluginNames.DefaultPreemption, args)));

    private static T? Args<T>(string plugin, object? args)
        where T : class =>
        args switch
        {
            null => null,
            T typed => typed,
            _ => throw new ArgumentException($"plugin {plugin} takes {typeof(T).Name}, got {args.GetType().Name}", nameof(args)),
        };
}
