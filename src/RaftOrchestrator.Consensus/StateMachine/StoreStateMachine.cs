using System.Buffers;
using DotNext.Net.Cluster.Consensus.Raft.Membership;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using Microsoft.Extensions.Logging;
using RaftOrchestrator.Storage.Watch;

namespace RaftOrchestrator.Consensus.StateMachine;

/// <summary>
/// The DotNext state machine of one replica: applies committed log entries to the store (through its watch
/// hub, so watchers see every change), keeps the <see cref="ClusterState"/> beside it, and takes and installs
/// snapshots.
///
/// Threading: the log calls <see cref="ApplyAsync"/> from one applier at a time (never concurrently, also
/// for snapshot installs), so the applier owns the store's write side, <see cref="ClusterState"/> and the
/// counters here. A snapshot is fixed synchronously on the applier (so it holds exactly the entries up to
/// its index) and written by a background task; <see cref="Snapshot"/> is published by a volatile write
/// once the file is durable, and the log may read it from any thread.
///
/// Applied index: the store is in memory, so after a restart the state is the newest snapshot plus the log
/// replayed after it. The snapshot file carries the index it was taken at, and entries at or below the
/// applied index are skipped, so a replay never applies an entry twice.
/// </summary>
internal sealed partial class StoreStateMachine : IStateMachine, IAsyncDisposable
{
    private readonly WatchableStore _hub;
    private readonly SnapshotDirectory _snapshots;
    private readonly StateMachineOptions _options;
    private readonly IApplyObserver _observer;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _publish = new();
    private ClusterState _state;
    private SnapshotFile? _snapshot;
    private long _applied;
    private long _entriesSinceSnapshot;
    private long _bytesSinceSnapshot;
    private Task _snapshotting = Task.CompletedTask;

    private StoreStateMachine(
        WatchableStore hub, SnapshotDirectory snapshots, StateMachineOptions options, IApplyObserver observer, ILogger logger)
    {
        _hub = hub;
        _snapshots = snapshots;
        _options = options;
        _observer = observer;
        _logger = logger;
        _state = new ClusterState();
    }

    /// <summary>Index of the last applied entry; readable from any thread.</summary>
    public long AppliedIndex => Volatile.Read(ref _applied);

    /// <summary>The replicated cluster state; replaced wholesale by a snapshot install.</summary>
    public ClusterState State => Volatile.Read(ref _state);

    public ISnapshot? Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Size in bytes of the newest snapshot file (0 without one).</summary>
    public long SnapshotSize => Volatile.Read(ref _snapshot)?.Length ?? 0;

    /// <summary>
    /// Creates the state machine and restores the newest snapshot into <paramref name="hub"/>. Must run before
    /// the log is constructed: the log reads <see cref="Snapshot"/> to know where its replay starts. A damaged
    /// newest snapshot is an error, never skipped: the log was already trimmed up to it.
    /// </summary>
    public static StoreStateMachine Open(
        WatchableStore hub, string directory, StateMachineOptions options, IApplyObserver observer, ILogger logger)
    {
        var machine = new StoreStateMachine(hub, new SnapshotDirectory(directory), options, observer, logger);
        IReadOnlyList<SnapshotFile> snapshots = machine._snapshots.List();
        SnapshotFile? newest = snapshots.Count > 0 ? snapshots[0] : null;
        if (newest is not null)
        {
            machine.Load(newest);
        }
        return machine;
    }

    public ValueTask<long> ApplyAsync(LogEntry entry, CancellationToken token)
    {
        long applied = AppliedIndex;
        if (entry.Index <= applied)
        {
            return new ValueTask<long>(applied);
        }
        if (entry.IsSnapshot)
        {
            return InstallAsync(entry, token);
        }
        if (entry.IsConfiguration)
        {
            return ApplyConfigurationAsync(entry, token);
        }
        if (_options.ApplyFault?.Invoke(entry.Index) == true)
        {
            throw new InvalidOperationException($"Failpoint: applying entry {entry.Index} fails.");
        }
        long length = 0;
        if (entry.TryGetPayload(out ReadOnlySequence<byte> payload) && !payload.IsEmpty)
        {
            length = payload.Length;
            Apply(entry.Index, payload.IsSingleSegment ? payload.First : payload.ToArray());
        }
        Volatile.Write(ref _applied, entry.Index);
        _observer.OnApplied(entry.Index);
        MaybeSnapshot(entry.Index, entry.Term, length);
        return new ValueTask<long>(entry.Index);
    }

    /// <summary>
    /// Who keeps configuration entries that reach the state machine (see <see cref="ApplyConfigurationAsync"/>);
    /// set once, before the log replays.
    /// </summary>
    public IClusterConfigurationStorage? ConfigurationStorage { get; set; }

    /// <summary>
    /// DotNext hands configuration entries to its configuration storage and the state machine an empty entry,
    /// but its applier starts in the log's constructor, before RaftCluster gives the log its storage: an entry
    /// replayed in that window arrives here with the configuration in it (seen after a kill -9 of every member).
    /// It is kept the way DotNext would have kept it, and applies nothing to the store.
    /// </summary>
    private async ValueTask<long> ApplyConfigurationAsync(LogEntry entry, CancellationToken token)
    {
        if (entry.TryGetPayload(out ReadOnlySequence<byte> payload) && !payload.IsEmpty && ConfigurationStorage is { } storage)
        {
            await storage.SaveConfigurationAsync(entry, entry.Index, token);
        }
        Volatile.Write(ref _applied, entry.Index);
        _observer.OnApplied(entry.Index);
        return entry.Index;
    }

    public ValueTask ReclaimGarbageAsync(long watermark, CancellationToken token)
    {
        _snapshots.DeleteBelow(watermark);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        await _snapshotting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _lifetime.Dispose();
    }
}
