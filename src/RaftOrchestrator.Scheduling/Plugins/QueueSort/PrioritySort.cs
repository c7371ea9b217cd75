using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Plugins.QueueSort;

/// <summary>Higher spec.priority first; equal priorities in the order they were queued.</summary>
public sealed class PrioritySort : IQueueSortPlugin
{
    public string Name => PluginNames.PrioritySort;

    public bool Less(QueuedPodInfo a, QueuedPodInfo b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int pa = a.Pod.Priority;
        int pb = b.Pod.Priority;
        return pa > pb || (pa == pb && a.Timestamp < b.Timestamp);
    }
}
