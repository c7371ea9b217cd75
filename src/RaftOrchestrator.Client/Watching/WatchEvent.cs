using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client.Watching;

/// <summary>
/// One watch event. For Added/Modified/Deleted, <see cref="Value"/> is set and its metadata.resourceVersion is
/// the event's revision (for Deleted: the revision of the deletion). For Bookmark only <see cref="ResourceVersion"/>
/// is meaningful; for Error, <see cref="Error"/> is set.
/// </summary>
public readonly record struct WatchEvent<T>(WatchEventType Type, T? Value, string ResourceVersion, Status? Error = null)
    where T : class;
