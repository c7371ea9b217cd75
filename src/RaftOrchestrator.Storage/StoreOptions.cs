namespace RaftOrchestrator.Storage;

/// <summary>Tunables of the store and its watchers. Defaults follow etcd where etcd has one.</summary>
public sealed record StoreOptions
{
    public static StoreOptions Default { get; } = new();

    /// <summary>Keys compacted per hold of the write lock, so readers are not stalled by a large compaction.</summary>
    public int CompactionBatchSize { get; init; } = 10_000;

    /// <summary>
    /// Keys a range scans per hold of the read lock; a longer scan lets the writer in between batches and
    /// resumes after the last key it visited (a read at a fixed revision sees the same data either way).
    /// </summary>
    public int ReadBatchSize { get; init; } = 4_096;

    /// <summary>Keys or changes copied per hold of the read lock while a snapshot is written.</summary>
    public int SnapshotBatchSize { get; init; } = 4_096;

    /// <summary>Responses a watch stream may hold unread before its watchers become victims (etcd chanBufLen = 128).</summary>
    public int WatchStreamCapacity { get; init; } = 128;

    /// <summary>Unsynced watchers caught up per pass of the sync loop (etcd maxWatchersPerSync = 512).</summary>
    public int MaxWatchersPerSync { get; init; } = 512;

    /// <summary>Events per catch-up response; a revision is never split, so a response may exceed it by one revision.</summary>
    public int MaxEventsPerResponse { get; init; } = 1_000;

    /// <summary>How often the sync loop runs when nothing wakes it (etcd watchResyncPeriod = 100 ms).</summary>
    public TimeSpan WatchResyncPeriod { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often watchers created with ProgressNotify get a progress response (etcd: 10 minutes).</summary>
    public TimeSpan ProgressNotifyInterval { get; init; } = TimeSpan.FromMinutes(10);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
