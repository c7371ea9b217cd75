using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// The active queue's order from a profile's QueueSort plugin (PrioritySort: higher priority first, then the earlier
/// queue timestamp); pods the plugin finds equal keep their insertion order, so the order is total and repeatable.
/// </summary>
public sealed class QueueSortComparer(IQueueSortPlugin queueSort) : IComparer<QueuedPod>
{
    public int Compare(QueuedPod? x, QueuedPod? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }
        QueuedPodInfo a = x.SortInfo;
        QueuedPodInfo b = y.SortInfo;
        if (queueSort.Less(a, b))
        {
            return -1;
        }
        if (queueSort.Less(b, a))
        {
            return 1;
        }
        return x.Sequence.CompareTo(y.Sequence);
    }
}
