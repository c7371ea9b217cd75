using DotNext.Net.Cluster.Consensus.Raft;
using RaftOrchestrator.Consensus.Membership;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Consensus.Hosting;

public sealed partial class ReplicatedStore
{
    /// <summary>How long a measured data directory size is reused.</summary>
    private static readonly TimeSpan s_sizeCacheTime = TimeSpan.FromSeconds(2);

    private long _dataSize;
    private long _dataSizeMeasuredAt;

    /// <summary>This replica's status: Raft term and indexes, leader, store revisions, bytes on disk.</summary>
    public MemberStatus GetStatus()
    {
        ConsensusNode node = Node;
        KvStore kv = _hub.Kv;
        ulong leader = node.Cluster.Leader is { } l ? MemberIds.Of(l.EndPoint) : 0;
        return new MemberStatus(
            MemberId,
            _options.Name,
            node.Cluster.Term,
            leader,
            leader == MemberId,
            node.IsMember,
            node.Machine.AppliedIndex,
            node.Wal.LastCommittedEntryIndex,
            node.Wal.LastEntryIndex,
            kv.CurrentRevision,
            kv.CompactRevision,
            DataSize(),
            node.Machine.Snapshot?.Index ?? 0,
            node.FollowerFlushes,
            Volatile.Read(ref _restarts));
    }

    /// <summary>Bytes under the data directory (log chunks, snapshots), measured at most every few seconds.</summary>
    private long DataSize()
    {
        long measured = Volatile.Read(ref _dataSizeMeasuredAt);
        if (measured != 0 && _time.GetElapsedTime(measured) < s_sizeCacheTime)
        {
            return Volatile.Read(ref _dataSize);
        }
        long size = 0;
        try
        {
            size = new DirectoryInfo(_options.DataDirectory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        }
        catch (IOException)
        {
            // a file vanished while counting (a snapshot replaced): keep the last figure
            return Volatile.Read(ref _dataSize);
        }
        Volatile.Write(ref _dataSize, size);
        Volatile.Write(ref _dataSizeMeasuredAt, _time.GetTimestamp());
        return size;
    }
}
