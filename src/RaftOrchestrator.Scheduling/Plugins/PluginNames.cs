namespace RaftOrchestrator.Scheduling.Plugins;

/// <summary>kube-scheduler's plugin names (pkg/scheduler/framework/plugins/names).</summary>
public static class PluginNames
{
    public const string PrioritySort = "PrioritySort";
    public const string NodeName = "NodeName";
    public const string NodeUnschedulable = "NodeUnschedulable";
    public const string TaintToleration = "TaintToleration";
    public const string NodeAffinity = "NodeAffinity";
    public const string NodePorts = "NodePorts";
    public const string NodeResourcesFit = "NodeResourcesFit";
    public const string NodeResourcesBalancedAllocation = "NodeResourcesBalancedAllocation";
    public const string InterPodAffinity = "InterPodAffinity";
    public const string PodTopologySpread = "PodTopologySpread";
    public const string DefaultPreemption = "DefaultPreemption";
}
