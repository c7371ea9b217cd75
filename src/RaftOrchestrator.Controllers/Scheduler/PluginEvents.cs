namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// The cluster events each plugin registers (kube-scheduler's EnqueueExtensions.EventsToRegister): the changes that
/// can turn that plugin's rejection into a fit. A plugin absent from the table is treated as interested in every
/// event, as kube-scheduler treats plugins without EnqueueExtensions. Immutable; <see cref="Default"/> covers the
/// in-tree plugins by their Kubernetes names.
/// </summary>
public sealed class PluginEvents
{
    private readonly Dictionary<string, (ClusterEventResource Resource, ClusterEventAction Actions)[]> _byPlugin;

    public PluginEvents(IReadOnlyDictionary<string, (ClusterEventResource Resource, ClusterEventAction Actions)[]> byPlugin)
    {
        ArgumentNullException.ThrowIfNull(byPlugin);
        _byPlugin = new(byPlugin, StringComparer.Ordinal);
    }

    public static PluginEvents Default { get; } = new(new Dictionary<string, (ClusterEventResource, ClusterEventAction)[]>
    {
        ["NodeResourcesFit"] =
        [
            (ClusterEventResource.AssignedPod, ClusterEventAction.Delete | ClusterEventAction.UpdatePodScaleDown),
            (ClusterEventResource.Node, ClusterEventAction.Add | ClusterEventAction.UpdateNodeAllocatable),
        ],
        ["NodeResourcesBalancedAllocation"] = [],
        ["NodeName"] = [(ClusterEventResource.Node, ClusterEventAction.Add)],
        ["NodeUnschedulable"] = [(ClusterEventResource.Node, ClusterEventAction.Add | ClusterEventAction.UpdateNodeUnschedulable | ClusterEventAction.UpdateNodeTaint)],
        ["NodeAffinity"] = [(ClusterEventResource.Node, ClusterEventAction.Add | ClusterEventAction.UpdateNodeLabel)],
        ["TaintToleration"] = [(ClusterEventResource.Node, ClusterEventAction.Add | ClusterEventAction.UpdateNodeTaint)],
        ["NodePorts"] =
        [
            (ClusterEventResource.AssignedPod, ClusterEventAction.Delete),
            (ClusterEventResource.Node, ClusterEventAction.Add),
        ],
        ["InterPodAffinity"] =
        [
            (ClusterEventResource.AssignedPod, ClusterEventAction.Add | ClusterEventAction.Delete | ClusterEventAction.UpdatePodLabel),
            (ClusterEventResource.Node, ClusterEventAction.Add | ClusterEventAction.UpdateNodeLabel),
        ],
        ["PodTopologySpread"] =
        [
            (ClusterEventResource.AssignedPod, ClusterEventAction.Add | ClusterEventAction.Delete | ClusterEventAction.UpdatePodLabel),
            (ClusterEventResource.Node, ClusterEventAction.Add | ClusterEventAction.Delete | ClusterEventAction.UpdateNodeLabel | ClusterEventAction.UpdateNodeTaint),
        ],
    });

    /// <summary>
    /// True when the event can help a pod rejected by <paramref name="plugins"/>: one of them registered it, or one of
    /// them is unknown, or the set is empty (the pod failed for a reason no plugin owns, e.g. an error).
    /// </summary>
    public bool CanHelp(IReadOnlyCollection<string> plugins, ClusterEvent clusterEvent)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        if (plugins.Count == 0 || clusterEvent.Action == ClusterEventAction.All)
        {
            return true;
        }
        foreach (string plugin in plugins)
        {
            if (!_byPlugin.TryGetValue(plugin, out (ClusterEventResource Resource, ClusterEventAction Actions)[]? registered))
            {
                return true;
            }
            foreach ((ClusterEventResource resource, ClusterEventAction actions) in registered)
            {
                if (clusterEvent.Matches(resource, actions))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
