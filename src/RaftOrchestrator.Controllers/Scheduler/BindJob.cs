using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>A scheduling decision on its way to the store: the assumed pod, its node, and what Unreserve/PostBind need.</summary>
internal sealed class BindJob(QueuedPod pod, PodInfo info, string nodeName, SchedulingFramework framework, CycleState state)
{
    public QueuedPod Pod { get; } = pod;

    public PodInfo Info { get; } = info;

    public string NodeName { get; } = nodeName;

    public SchedulingFramework Framework { get; } = framework;

    public CycleState State { get; } = state;

    public PodBinding Binding { get; } = new(info.Namespace, info.Name, info.Pod.Metadata.Uid, nodeName);
}
