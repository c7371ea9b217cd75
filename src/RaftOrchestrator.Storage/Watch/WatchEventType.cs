namespace RaftOrchestrator.Storage.Watch;

public enum WatchEventType
{
    Put = 0,
    Delete,
}
