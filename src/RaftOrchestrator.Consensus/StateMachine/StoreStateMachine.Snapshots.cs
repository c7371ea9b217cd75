using DotNext.IO;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Consensus.StateMachine;

internal sealed partial class StoreStateMachine
{
    /// <summary>
    /// Starts a snapshot when enough entries or bytes went by and none is being written. The state is fixed
    /// here, on the applier, before the next entry: the store's snapshot (<see cref="KvStore.BeginSnapshot"/>)
    /// and an encoded copy of the cluster state. Writing the file does not hold up the applier, except that a
    /// compaction applied meanwhile waits for the store snapshot to finish (the store's rule).
    /// </summary>
    private void MaybeSnapshot(long index, long term, long entryLength)
    {
        _entriesSinceSnapshot++;
        _bytesSinceSnapshot += entryLength;
        if ((_entriesSinceSnapshot < _options.SnapshotEntries && _bytesSinceSnapshot < _options.SnapshotBytes)
            || !_snapshotting.IsCompleted || _lifetime.IsCancellationRequested)
        {
            return;
        }
        _entriesSinceSnapshot = _bytesSinceSnapshot = 0;
        KvStoreSnapshot store = _hub.Kv.BeginSnapshot();
        byte[] header = SnapshotHeader.Encode(index, term, _state);
        _snapshotting = Task.Run(() => WriteSnapshotAsync(index, term, header, store));
    }

    private async Task WriteSnapshotAsync(long index, long term, byte[] header, KvStoreSnapshot store)
    {
        try
        {
            SnapshotFile file;
            using (store)
            {
                file = await _snapshots.WriteAsync(index, term, async (stream, ct) =>
                {
                    await stream.WriteAsync(header, ct);
                    await store.WriteToAsync(stream, ct);
                }, _lifetime.Token);
            }
            Publish(file);
            ConsensusLog.SnapshotTaken(_logger, index, store.Revision, file.Length ?? 0);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // a failed snapshot is retried at the next threshold; the log keeps every entry meanwhile
        catch (Exception e)
#pragma warning restore CA1031
        {
            ConsensusLog.SnapshotFailed(_logger, e, index);
        }
    }

    /// <summary>Installs a snapshot the leader sent: made durable first, then loaded in place of the whole state.</summary>
    private async ValueTask<long> InstallAsync(LogEntry entry, CancellationToken token)
    {
        await _snapshotting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        SnapshotFile file = await _snapshots.WriteAsync(
            entry.Index, entry.Term, (stream, ct) => entry.WriteToAsync(stream, 64 * 1024, ct).AsTask(), token);
        Load(file);
        ConsensusLog.SnapshotInstalled(_logger, entry.Index, _hub.Kv.CurrentRevision);
        return entry.Index;
    }

    /// <summary>Loads a snapshot file into the hub and the cluster state, and makes it the current snapshot.</summary>
    private void Load(SnapshotFile file)
    {
        ClusterState state;
        KvStore store;
        using (var stream = new FileStream(file.File.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 256 * 1024))
        {
            (long index, _, state) = SnapshotHeader.Read(stream);
            if (index != file.Index)
            {
                throw new InvalidDataException($"Snapshot {file.File.Name} holds index {index}.");
            }
            store = KvStore.Restore(stream, _options.Store);
        }
        _hub.ReplaceStore(store);
        Volatile.Write(ref _state, state);
        Volatile.Write(ref _applied, file.Index);
        _entriesSinceSnapshot = _bytesSinceSnapshot = 0;
        Publish(file);
        _observer.OnRestored(file.Index);
        _observer.OnApplied(file.Index);
    }

    private void Publish(SnapshotFile file)
    {
        lock (_publish)
        {
            if (_snapshot is null || file.Index > _snapshot.Index)
            {
                Volatile.Write(ref _snapshot, file);
            }
        }
    }
}
