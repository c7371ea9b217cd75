using System.Diagnostics;
using DotNext.IO.Log;
using DotNext.Net.Cluster.Consensus.Raft;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using Microsoft.Extensions.Logging;

namespace RaftOrchestrator.Consensus.Log;

/// <summary>
/// DotNext's write-ahead log with etcd's durability: a follower acknowledges entries only once they are on
/// stable storage. Stock DotNext 6.12 followers reply to AppendEntries after copying the entries into memory
/// and flush in the background, so a commit (and the client's acknowledgement) could rest on a majority that
/// held some entries only in memory; a crash of the followers then lost acknowledged writes
/// (shared/docs/research/dotnext-durability.md: 10 of 31 crash trials). The leader already flushes before it
/// commits.
///
/// How: <see cref="RaftCluster"/> calls the log through its interfaces, and its AppendEntries handler uses
/// exactly the producer overload of <see cref="IAuditTrail{TEntry}.AppendAsync{TEntryImpl}(ILogEntryProducer{TEntryImpl}, long, bool, CancellationToken)"/>.
/// This class re-implements that interface member: base append, then the public <see cref="WriteAheadLog.FlushAsync(CancellationToken)"/>
/// (data pages, metadata pages and the checkpoint). The handler replies only after it returns. Every other
/// member maps to the base class. This depends on DotNext internals: <see cref="FollowerFlushes"/> lets a
/// guard test notice an upgrade that stops routing follower appends here.
///
/// Concurrency: DotNext's flush waiter is single-waiter. The follower path runs under RaftCluster's transition
/// lock and the leader's commit wait never overlaps it, so nothing else in this process may call FlushAsync.
/// </summary>
internal sealed class DurableWriteAheadLog(WriteAheadLog.Options options, IStateMachine stateMachine, ILogger logger)
    : WriteAheadLog(options, stateMachine), IAuditTrail<IRaftLogEntry>
{
    /// <summary>A flush slower than this is logged (etcd warns on WAL syncs over a second).</summary>
    private static readonly TimeSpan s_slowFlush = TimeSpan.FromMilliseconds(500);

    private long _followerFlushes;

    /// <summary>How many follower appends waited for their flush (a guard against DotNext refactors).</summary>
    public long FollowerFlushes => Interlocked.Read(ref _followerFlushes);

    async ValueTask IAuditTrail<IRaftLogEntry>.AppendAsync<TEntryImpl>(
        ILogEntryProducer<TEntryImpl> entries, long startIndex, bool skipCommitted, CancellationToken token)
    {
        bool carriesEntries = entries.RemainingCount > 0;   // heartbeats carry none and have nothing to flush
        await AppendAsync(entries, startIndex, skipCommitted, token);
        if (!carriesEntries)
        {
            return;
        }
        long started = Stopwatch.GetTimestamp();
        await FlushAsync(token);
        Interlocked.Increment(ref _followerFlushes);
        TimeSpan took = Stopwatch.GetElapsedTime(started);
        if (took > s_slowFlush)
        {
            ConsensusLog.SlowFlush(logger, (long)took.TotalMilliseconds);
        }
    }
}
