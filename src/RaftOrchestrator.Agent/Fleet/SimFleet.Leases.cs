namespace RaftOrchestrator.Agent.Fleet;

public sealed partial class SimFleet
{
    /// <summary>
    /// Node i (ordinal) renews at epoch + interval × i / N + k × interval: the N renewals of an interval are evenly
    /// spaced, whatever order the nodes registered in. The first renewal is the first such slot after now (the
    /// registration has just written a fresh lease).
    /// </summary>
    private void ScheduleFirstRenewal(FleetNode node)
    {
        long interval = _options.LeaseRenewInterval.Ticks;
        long offset = interval * node.Ordinal / _nodes.Length;
        long elapsed = (_time.GetUtcNow() - _leaseEpoch).Ticks;
        long periods = elapsed < offset ? 0 : ((elapsed - offset) / interval) + 1;
        _due.Schedule(DueItem.ForLease(DueKind.LeaseRenewal, node.Ordinal), _leaseEpoch + TimeSpan.FromTicks(offset + (periods * interval)));
    }

    /// <summary>Queues a renewal unless one for the node is already waiting for a writer. Under <see cref="_gate"/>.</summary>
    private void QueueLease(int ordinal)
    {
        if (!_leaseQueued[ordinal])
        {
            _leaseQueued[ordinal] = true;
            _leaseWrites.Writer.TryWrite(ordinal);
        }
    }

    /// <summary>One of the <see cref="SimFleetOptions.LeaseConcurrency"/> lease writers; runs until cancelled (the channel is never completed).</summary>
    private async Task LeaseWriterAsync(CancellationToken cancellationToken)
    {
        while (await _leaseWrites.Reader.WaitToReadAsync(cancellationToken))
        {
            while (_leaseWrites.Reader.TryRead(out int ordinal))
            {
                lock (_gate)
                {
                    _leaseQueued[ordinal] = false;
                }
                FleetNode node = _nodes[ordinal];
                if (await WriteLeaseAsync(node, cancellationToken) is { } failure)
                {
                    long failures = Interlocked.Increment(ref _counters.LeaseFailures);
                    if (FleetCounters.ShouldLog(failures))
                    {
                        FleetLog.LeaseFailed(_logger, node.Name, failure, failures);
                    }
                    _due.Schedule(DueItem.ForLease(DueKind.LeaseRetry, ordinal), _time.GetUtcNow() + s_retryDelay);
                }
                else
                {
                    Interlocked.Increment(ref _counters.LeaseRenewals);
                }
            }
        }
    }
}
