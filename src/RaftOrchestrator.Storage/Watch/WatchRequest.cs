using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Watch;

/// <summary>A watch on a key or range, as etcd's WatchCreateRequest.</summary>
public readonly record struct WatchRequest(KeyRange Range)
{
    /// <summary>Pass as <see cref="WatchId"/> to have the stream assign the next free id.</summary>
    public const long AutoWatchId = -1;

    /// <summary>First revision to deliver; 0 means "from the next change". Past revisions are replayed from history.</summary>
    public long StartRevision { get; init; }

    public long WatchId { get; init; } = AutoWatchId;

    /// <summary>Ask for each event's previous version.</summary>
    public bool PrevKv { get; init; }

    public bool NoPut { get; init; }

    public bool NoDelete { get; init; }

    /// <summary>Get a progress response every <see cref="StoreOptions.ProgressNotifyInterval"/> while synced.</summary>
    public bool ProgressNotify { get; init; }
}
