namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// The active queue's order when the profile's QueueSort is PrioritySort: higher spec.priority first, then the earlier
/// queue timestamp, then the earlier insertion (so the order is total and the same on every run).
/// </summary>
public sealed class PrioritySortComparer : IComparer<QueuedPod>
{
    public static PrioritySortComparer Instance { get; } = new();

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
        int byPriority = y.Priority.CompareTo(x.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }
        int byTime = x.Timestamp.CompareTo(y.Timestamp);
        return byTime != 0 ? byTime : x.Sequence.CompareTo(y.Sequence);
    }
}
