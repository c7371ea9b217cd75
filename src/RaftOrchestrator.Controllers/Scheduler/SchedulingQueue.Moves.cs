namespace RaftOrchestrator.Controllers.Scheduler;

public sealed partial class SchedulingQueue
{
    /// <summary>
    /// Hands back a popped pod that no node fits (its <see cref="QueuedPod.UnschedulablePlugins"/> set) or whose
    /// attempt failed with an error (<see cref="QueuedPod.LastAttemptErrored"/>). It waits in the unschedulable map for
    /// an event that can help, unless one already came while it was in flight (or it errored, or it changed
    /// meanwhile): then it goes to the backoff queue. A pod deleted while in flight is dropped.
    /// </summary>
    public void AddUnschedulable(QueuedPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        lock (_gate)
        {
            if (_closed || !TakeInFlight(pod, out bool changed))
            {
                return;
            }
            pod.Timestamp = _time.GetUtcNow();
            if (pod.LastAttemptErrored || changed || _moveRequestCycle >= pod.PopCycle)
            {
                PushBackoff(pod);
            }
            else
            {
                _unschedulable[pod.Key] = pod;
            }
        }
    }

    /// <summary>
    /// Hands back a pod to retry after its backoff: its binding was refused or failed, or it must be scheduled
    /// again for a reason that is not a rejection. Dropped if it was deleted while in flight.
    /// </summary>
    public void AddBackoff(QueuedPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        lock (_gate)
        {
            if (_closed || !TakeInFlight(pod, out _))
            {
                return;
            }
            pod.Timestamp = _time.GetUtcNow();
            PushBackoff(pod);
        }
    }

    /// <summary>
    /// A cluster event: every unschedulable pod a rejecting plugin of which registered it moves to the backoff queue
    /// (backoff still running) or the active queue. Returns how many moved.
    /// </summary>
    public int MoveAllToActiveOrBackoff(ClusterEvent clusterEvent)
    {
        lock (_gate)
        {
            _moveRequestCycle = _schedulingCycle;
            if (_unschedulable.Count == 0)
            {
                return 0;
            }
            List<QueuedPod>? moving = null;
            foreach (QueuedPod pod in _unschedulable.Values)
            {
                if (_events.CanHelp(pod.UnschedulablePlugins, clusterEvent))
                {
                    (moving ??= []).Add(pod);
                }
            }
            foreach (QueuedPod pod in moving ?? [])
            {
                _unschedulable.Remove(pod.Key);
                MoveOutLocked(pod);
            }
            return moving?.Count ?? 0;
        }
    }

    /// <summary>Moves pods whose backoff has ended to the active queue; returns how many.</summary>
    public int FlushBackoffCompleted()
    {
        lock (_gate)
        {
            DateTimeOffset now = _time.GetUtcNow();
            int moved = 0;
            while (_backoff.Peek() is { } first && BackoffExpiry(first) <= now)
            {
                _backoff.Pop();
                PushActive(first);
                moved++;
            }
            return moved;
        }
    }

    /// <summary>Moves pods unschedulable for longer than PodMaxInUnschedulablePodsDuration back; returns how many.</summary>
    public int FlushUnschedulableLeftover()
    {
        lock (_gate)
        {
            DateTimeOffset now = _time.GetUtcNow();
            List<QueuedPod>? moving = null;
            foreach (QueuedPod pod in _unschedulable.Values)
            {
                if (now - pod.Timestamp > _options.PodMaxInUnschedulablePodsDuration)
                {
                    (moving ??= []).Add(pod);
                }
            }
            foreach (QueuedPod pod in moving ?? [])
            {
                _unschedulable.Remove(pod.Key);
                MoveOutLocked(pod);
            }
            return moving?.Count ?? 0;
        }
    }

    /// <summary>Runs the two periodic flushes until cancelled or the queue is closed.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => Task.WhenAll(
        EveryAsync(_options.BackoffFlushInterval, () => FlushBackoffCompleted(), cancellationToken),
        EveryAsync(_options.UnschedulableFlushInterval, () => FlushUnschedulableLeftover(), cancellationToken));

    private async Task EveryAsync(TimeSpan interval, Action flush, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            lock (_gate)
            {
                if (_closed)
                {
                    return;
                }
            }
            flush();
        }
    }

    /// <summary>Ends the pod's flight; false when it was deleted meanwhile. <paramref name="changed"/>: it was updated meanwhile.</summary>
    private bool TakeInFlight(QueuedPod pod, out bool changed)
    {
        changed = false;
        if (_inFlight.Remove(pod.Key, out InFlight? flight))
        {
            if (flight.Deleted)
            {
                return false;
            }
            if (flight.Updated is { } newer)
            {
                changed = PodChanges.CouldHelpItself(pod.Pod, newer);
                pod.Pod = newer;
            }
        }
        return !_active.Contains(pod.Key) && !_backoff.Contains(pod.Key) && !_unschedulable.ContainsKey(pod.Key);
    }

    private void MoveOutLocked(QueuedPod pod)
    {
        if (BackoffExpiry(pod) > _time.GetUtcNow())
        {
            PushBackoff(pod);
        }
        else
        {
            PushActive(pod);
        }
    }
}
