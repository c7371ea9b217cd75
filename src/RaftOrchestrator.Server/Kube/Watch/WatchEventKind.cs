namespace RaftOrchestrator.Server.Kube.Watch;

/// <summary>The watch event types of the Kubernetes API, with their wire names.</summary>
public enum WatchEventKind
{
    Added = 0,
    Modified,
    Deleted,
    Bookmark,
    Error,
}
