namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>Orders the active queue; a profile has exactly one.</summary>
public interface IQueueSortPlugin : IPlugin
{
    bool Less(QueuedPodInfo a, QueuedPodInfo b);
}
