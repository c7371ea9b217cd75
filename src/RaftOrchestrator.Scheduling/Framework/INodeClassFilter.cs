using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// A filter whose verdict, for this pod, depends only on the node's class attributes (labels except
/// kubernetes.io/hostname, taints, unschedulable, allocatable): the framework then calls Filter once per
/// (pod, class) and reuses the Status for every node of the class. Asked after PreFilter, once per pod.
/// </summary>
public interface INodeClassFilter : IFilterPlugin
{
    bool IsClassInvariant(CycleState state, PodInfo pod);
}
