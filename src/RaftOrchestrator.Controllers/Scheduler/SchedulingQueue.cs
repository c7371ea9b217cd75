using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// kube-scheduler's PriorityQueue: pods waiting to be scheduled, in three places. The active queue is a heap in the
/// profile's QueueSort order, which <see cref="PopAsync"/> takes from; the backoff queue holds pods that failed
/// recently until their per-pod exponential backoff ends; the unschedulable map holds pods that no node fits until a
/// cluster event their rejecting plugins registered (<see cref="PluginEvents"/>) could change that, or until
/// <see cref="SchedulingQueueOptions.PodMaxInUnschedulablePodsDuration"/> has passed.
/// </summary>
/// <remarks>
/// Thread-safe: <see cref="_gate"/> guards every field below it; informer handlers, the scheduling loop, the binder
/// and the flush loop all call in. A pod is in at most one of the three places, or "in flight" (popped and not yet
/// handed back with <see cref="AddUnschedulable"/> or <see cref="Done"/>). Events that arrive while pods are in flight
/// raise the move-request cycle, so a pod whose attempt began before the event goes to the backoff queue rather
/// than waiting for another event that has already happened (kube-scheduler's moveRequestCycle).
/// </remarks>
public sealed partial class SchedulingQueue
{
    private readonly object _gate = new();
    private readonly SchedulingQueueOptions _options;
    private readonly PluginEvents _events;
    private readonly TimeProvider _time;
    private readonly KeyedHeap<QueuedPod> _active;
    private readonly KeyedHeap<QueuedPod> _backoff;
    private readonly Dictionary<string, QueuedPod> _unschedulable = new(StringComparer.Ordinal);

    // Popped pods not yet handed back, with what happened to them meanwhile.
    private readonly Dictionary<string, InFlight> _inFlight = new(StringComparer.Ordinal);
    private TaskCompletionSource? _waiter;
    private long _schedulingCycle;
    private long _moveRequestCycle = -1;
    private long _sequence;
    private bool _closed;

    public SchedulingQueue(IComparer<QueuedPod> queueSort, PluginEvents? events = null, SchedulingQueueOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(queueSort);
        _options = options ?? new SchedulingQueueOptions();
        _events = events ?? PluginEvents.Default;
        _time = time ?? TimeProvider.System;
        _active = new KeyedHeap<QueuedPod>(static p => p.Key, queueSort);
        _backoff = new KeyedHeap<QueuedPod>(static p => p.Key, Comparer<QueuedPod>.Create(CompareBackoff));
        Nominator = new Nominator(_gate);
    }

    /// <summary>Pods nominated to nodes by preemption (guarded by this queue's lock).</summary>
    public Nominator Nominator { get; }

    public int ActiveCount
    {
        get
        {
            lock (_gate)
            {
                return _active.Count;
            }
        }
    }

    public int BackoffCount
    {
        get
        {
            lock (_gate)
            {
                return _backoff.Count;
            }
        }
    }

    public int UnschedulableCount
    {
        get
        {
            lock (_gate)
            {
                return _unschedulable.Count;
            }
        }
    }

    /// <summary>Pods popped and not yet handed back.</summary>
    public int InFlightCount
    {
        get
        {
            lock (_gate)
            {
                return _inFlight.Count;
            }
        }
    }

    /// <summary>Adds a new unscheduled pod to the active queue (an informer add); an already known pod is updated instead.</summary>
    public void Add(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        lock (_gate)
        {
            string key = QueuedPod.KeyOf(pod);
            if (_closed)
            {
                return;
            }
            if (_inFlight.ContainsKey(key) || _active.Contains(key) || _backoff.Contains(key) || _unschedulable.ContainsKey(key))
            {
                UpdateLocked(pod);
                return;
            }
            PushActive(new QueuedPod(pod, _time.GetUtcNow()));
            Nominator.AddLocked(pod, null);
        }
    }

    /// <summary>
    /// An informer update of an unscheduled pod. In the active or backoff queue it is replaced in place; an
    /// unschedulable pod whose spec, labels or annotations changed is moved to the backoff or active queue (its own
    /// change may make it fit), while a status-only change (our PodScheduled condition) leaves it where it is.
    /// </summary>
    public void Update(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        lock (_gate)
        {
            if (!_closed)
            {
                UpdateLocked(pod);
            }
        }
    }

    /// <summary>
    /// The pod was deleted or bound by someone else: it leaves the queue and the nominator. Returns the node it was
    /// nominated to (null: none), whose kept room is now free.
    /// </summary>
    public string? Delete(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        lock (_gate)
        {
            string key = QueuedPod.KeyOf(pod);
            _active.Remove(key);
            _backoff.Remove(key);
            _unschedulable.Remove(key);
            if (_inFlight.TryGetValue(key, out InFlight? flight))
            {
                flight.Deleted = true;
            }
            return Nominator.DeleteLocked(key);
        }
    }

    /// <summary>True when the pod is queued anywhere or in flight.</summary>
    public bool Contains(string key)
    {
        lock (_gate)
        {
            return _inFlight.ContainsKey(key) || _active.Contains(key) || _backoff.Contains(key) || _unschedulable.ContainsKey(key);
        }
    }

    /// <summary>
    /// The next pod in QueueSort order, waiting while the active queue is empty; null once the queue is closed.
    /// The pod is in flight until handed back (<see cref="AddUnschedulable"/>, <see cref="AddBackoff"/> or <see cref="Done"/>).
    /// </summary>
    public async Task<QueuedPod?> PopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_closed)
                {
                    return null;
                }
                if (_active.Pop() is { } next)
                {
                    next.Attempts++;
                    next.PopCycle = ++_schedulingCycle;
                    _inFlight[next.Key] = new InFlight();
                    return next;
                }
                _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _waiter.Task;
            }
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The driver is finished with a popped pod: it was bound, or it is gone.</summary>
    public void Done(string key)
    {
        lock (_gate)
        {
            _inFlight.Remove(key);
        }
    }

    /// <summary>
    /// Closes the queue: blocked and later <see cref="PopAsync"/> calls return null, later adds are ignored, and every
    /// queued pod is dropped (the next leadership term starts a fresh queue from a fresh list). Returns how many were queued.
    /// </summary>
    public int Close()
    {
        lock (_gate)
        {
            int dropped = _active.Count + _backoff.Count + _unschedulable.Count;
            _closed = true;
            _active.Clear();
            _backoff.Clear();
            _unschedulable.Clear();
            _inFlight.Clear();
            Nominator.ClearLocked();
            _waiter?.TrySetResult();
            _waiter = null;
            return dropped;
        }
    }

    /// <summary>Every queued pod (active, backoff, unschedulable), for diagnostics and tests.</summary>
    public IReadOnlyList<QueuedPod> PendingPods()
    {
        lock (_gate)
        {
            return [.. _active.Items, .. _backoff.Items, .. _unschedulable.Values];
        }
    }

    private void UpdateLocked(Pod pod)
    {
        string key = QueuedPod.KeyOf(pod);
        Nominator.UpdateLocked(pod);
        if (_inFlight.TryGetValue(key, out InFlight? flight))
        {
            flight.Updated = pod;
            return;
        }
        if (_active.Get(key) is { } active)
        {
            active.Pod = pod;
            _active.AddOrUpdate(active);
            return;
        }
        if (_backoff.Get(key) is { } backingOff)
        {
            backingOff.Pod = pod;
            _backoff.AddOrUpdate(backingOff);
            return;
        }
        if (_unschedulable.TryGetValue(key, out QueuedPod? unschedulable))
        {
            bool changed = PodChanges.CouldHelpItself(unschedulable.Pod, pod);
            unschedulable.Pod = pod;
            if (changed)
            {
                _unschedulable.Remove(key);
                MoveOutLocked(unschedulable);
            }
            return;
        }
        PushActive(new QueuedPod(pod, _time.GetUtcNow()));
    }

    private void PushActive(QueuedPod pod)
    {
        pod.Sequence = ++_sequence;
        _active.AddOrUpdate(pod);
        _waiter?.TrySetResult();
        _waiter = null;
    }

    private void PushBackoff(QueuedPod pod)
    {
        pod.Sequence = ++_sequence;
        _backoff.AddOrUpdate(pod);
    }

    private DateTimeOffset BackoffExpiry(QueuedPod pod) => pod.Timestamp + _options.BackoffFor(pod.Attempts);

    private int CompareBackoff(QueuedPod? x, QueuedPod? y)
    {
        int byExpiry = BackoffExpiry(x!).CompareTo(BackoffExpiry(y!));
        return byExpiry != 0 ? byExpiry : x!.Sequence.CompareTo(y!.Sequence);
    }

    /// <summary>What happened to an in-flight pod while it was out of the queue.</summary>
    private sealed class InFlight
    {
        public Pod? Updated { get; set; }

        public bool Deleted { get; set; }
    }
}
