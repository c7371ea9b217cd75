using System.Diagnostics;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using DotNext.Threading;

namespace RaftOrchestrator.Consensus.Hosting;

public sealed partial class ReplicatedStore
{
    /// <summary>How long one watchdog wait lasts before it is re-armed.</summary>
    private static readonly TimeSpan s_watchdogPeriod = TimeSpan.FromSeconds(5);

    private int _restarts;


    /// <summary>
    /// DotNext 6.12's log can die for good (a follower's flusher races an InstallSnapshot and fails with
    /// MissingPageException; every later append fails while the node still calls itself a follower:
    /// dotnext-raft.md §8). Waiters parked on the log are interrupted when that happens, so the watchdog parks
    /// one and, when it is interrupted by a log failure, replaces the whole incarnation (cluster node, log,
    /// state machine) with a new one on the same directory, which recovers from its disk state and catches up.
    /// More than <see cref="ReplicaOptions.MaxRestarts"/> restarts within <see cref="ReplicaOptions.RestartWindow"/>
    /// is fatal (<see cref="Fatal"/>): the failure is not the known transient one.
    /// </summary>
    private async Task WatchdogAsync()
    {
        CancellationToken lifetime = _lifetime.Token;
        var recent = new Queue<long>();
        while (!lifetime.IsCancellationRequested)
        {
            ConsensusNode node = Node;
            try
            {
                using var period = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
                period.CancelAfter(s_watchdogPeriod);
                await node.Wal.WaitForApplyAsync(long.MaxValue, period.Token);
            }
            catch (OperationCanceledException)
            {
                continue;
            }
            catch (Exception e) when (IsLogFailure(e))
            {
                Exception cause = e;
                while (true)
                {
                    recent.Enqueue(_time.GetTimestamp());
                    while (recent.Count > 0 && _time.GetElapsedTime(recent.Peek()) > _options.RestartWindow)
                    {
                        recent.Dequeue();
                    }
                    if (recent.Count > _options.MaxRestarts)
                    {
                        _fatal.TrySetException(new InvalidOperationException("The write-ahead log keeps failing.", cause));
                        return;
                    }
                    try
                    {
                        await RestartAsync(node, cause, lifetime);
                        break;
                    }
                    catch (Exception again) when (!lifetime.IsCancellationRequested && again is not OperationCanceledException)
                    {
                        cause = again;   // the new incarnation failed while replaying: counts as another failure
                    }
                }
            }
        }
    }

    private async Task RestartAsync(ConsensusNode failed, Exception cause, CancellationToken lifetime)
    {
        int restart = Interlocked.Increment(ref _restarts);
        ConsensusLog.WalFailed(_logger, cause, restart);
        long started = Stopwatch.GetTimestamp();
        await _restart.WaitAsync(lifetime);
        try
        {
            if (!ReferenceEquals(Volatile.Read(ref _node), failed))
            {
                return;
            }
            await failed.DisposeAsync().AsTask().ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);   // idempotent
            ReplicaOptions again = _options with { ClusterInit = false };
#pragma warning disable CA2000 // ownership moves to _node; DisposeAsync or the next restart disposes it
            ConsensusNode node = await ConsensusNode.StartAsync(again, _hub, this, _loggers, OnLeaderChanged, lifetime);
#pragma warning restore CA2000
            Volatile.Write(ref _node, node);
            ConsensusLog.NodeRestarted(_logger, node.Machine.AppliedIndex, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _restart.Release();
        }
    }

    private static bool IsLogFailure(Exception e) =>
        e is WriteAheadLog.InternalException or PendingTaskInterruptedException { Reason: WriteAheadLog.InternalException };
}
