namespace RaftOrchestrator.Client.Watching;

public enum WatchEventType
{
    Added = 0,
    Modified,
    Deleted,
    /// <summary>No change: the object carries only the revision the watch has reached.</summary>
    Bookmark,
    /// <summary>The watch ended with a Status (410 Gone when the revision was compacted).</summary>
    Error,
}
