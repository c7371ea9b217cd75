namespace RaftOrchestrator.Chaos.History;

public enum WatchEventType
{
    Put,
    Delete,
}
