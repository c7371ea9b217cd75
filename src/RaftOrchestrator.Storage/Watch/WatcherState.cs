namespace RaftOrchestrator.Storage.Watch;

/// <summary>Which of the hub's groups a watcher is in (etcd's synced, unsynced and victims).</summary>
internal enum WatcherState
{
    /// <summary>Up to date: receives each revision as it commits, from the writer's thread.</summary>
    Synced = 0,
    /// <summary>Behind: the sync loop replays history from <see cref="Watcher.MinRevision"/>.</summary>
    Unsynced,
    /// <summary>Its stream was full when a revision committed; holds that revision's response until there is room.</summary>
    Victim,
    /// <summary>Removed: cancelled, compacted or its stream closed.</summary>
    Closed,
}
