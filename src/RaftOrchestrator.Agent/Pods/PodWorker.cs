using System.Threading.Channels;
using RaftOrchestrator.Agent.Statuses;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Pods;

/// <summary>
/// Runs one pod on this node (the kubelet's pod worker and SyncPod), identified by uid. Every input — a new version
/// of the pod from the API, its removal, a container event from the runtime, a probe result, a timer — only
/// <see cref="Kick"/>s the worker; its loop then syncs the pod level-based: it compares the spec with what the
/// runtime reports and takes the next steps (sandbox, init containers in order, containers, restarts with
/// back-off, probe kills, termination), then hands the status it computed to the status manager. So one pod's
/// steps are serialised, and a burst of inputs costs one sync.
/// </summary>
/// <remarks>
/// Threads: <see cref="_gate"/> guards <see cref="_pod"/> and <see cref="_removed"/> (written by the pod source,
/// read by the loop). Everything else (the container records, the sandbox) belongs to the loop alone. The kick
/// channel holds at most one pending kick.
/// </remarks>
internal sealed partial class PodWorker
{
    private readonly object _gate = new();
    private readonly PodContext _context;
    private readonly Channel<bool> _kicks = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Action<PodWorker, string> _sandboxCreated;
    private readonly Action<PodWorker> _finished;
    private readonly List<ContainerRecord> _initContainers;
    private readonly List<ContainerRecord> _containers;
    private readonly ITimer _wake;
    private Pod _pod;
    private bool _removed;

    // Loop state.
    private string? _sandboxId;
    private string? _podIP;
    private DateTime _startTime;
    private DateTimeOffset? _wakeAt;
    /// <summary>Stopped for good: deleted, or every container done; nothing runs again.</summary>
    private bool _terminal;
    /// <summary>The graceful stop of a deleted pod is done; waiting for the pod object to go.</summary>
    private bool _terminated;
    /// <summary>Failed by activeDeadlineSeconds: status.reason DeadlineExceeded.</summary>
    private bool _deadlineExceeded;
    /// <summary>Already finished (Succeeded or Failed) when first seen: the agent never ran it and writes no status for it.</summary>
    private readonly bool _observedOnly;

    public PodWorker(PodContext context, Pod pod, Action<PodWorker, string> sandboxCreated, Action<PodWorker> finished)
    {
        _context = context;
        _pod = pod;
        Uid = pod.Metadata.Uid ?? "";
        Key = $"{pod.Metadata.Namespace}/{pod.Metadata.Name}";
        _sandboxCreated = sandboxCreated;
        _finished = finished;
        NodeAgentOptions options = context.Options;
        _initContainers = [.. (pod.Spec.InitContainers ?? []).Select(c => new ContainerRecord(c, isInit: true, NewBackoff(options)))];
        _containers = [.. pod.Spec.Containers.Select(c => new ContainerRecord(c, isInit: false, NewBackoff(options)))];
        _observedOnly = PodPhases.IsTerminal(pod.Status.Phase);
        _terminal = _observedOnly;
        _wake = context.Time.CreateTimer(static state => ((PodWorker)state!).Kick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Uid { get; }

    /// <summary>namespace/name, for logs.</summary>
    public string Key { get; }

    /// <summary>The loop; completes when the pod is gone from the API and cleaned up, or the agent stops.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start(CancellationToken cancellationToken) => Completion = Task.Run(() => LoopAsync(cancellationToken), CancellationToken.None);

    /// <summary>A newer version of the pod from the API.</summary>
    public void Update(Pod pod)
    {
        lock (_gate)
        {
            _pod = pod;
        }
        Kick();
    }

    /// <summary>The pod is gone from the API: stop what runs and clean up.</summary>
    public void Remove()
    {
        lock (_gate)
        {
            _removed = true;
        }
        Kick();
    }

    /// <summary>Asks for a sync soon; never blocks (at most one kick waits).</summary>
    public void Kick() => _kicks.Writer.TryWrite(true);

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _kicks.Reader.WaitToReadAsync(cancellationToken))
            {
                _kicks.Reader.TryRead(out _);
                Pod pod;
                bool removed;
                lock (_gate)
                {
                    pod = _pod;
                    removed = _removed;
                }
                try
                {
                    if (await SyncAsync(pod, removed, cancellationToken))
                    {
                        AgentLog.PodCleanedUp(_context.Logger, Key);
                        _finished(this);
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    AgentLog.SyncFailed(_context.Logger, e, Key, Uid, _context.Options.SyncRetryPeriod);
                    WakeAt(_context.Time.GetUtcNow() + _context.Options.SyncRetryPeriod);
                    ArmWake();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the agent is stopping: containers keep running (as the kubelet leaves them to the runtime)
        }
        finally
        {
            await _wake.DisposeAsync();
            await StopAllProbesAsync();
        }
    }

    /// <summary>Asks for a sync at <paramref name="at"/> (the earliest asked for in one sync wins).</summary>
    private void WakeAt(DateTimeOffset at)
    {
        if (_wakeAt is null || at < _wakeAt)
        {
            _wakeAt = at;
        }
    }

    private void ArmWake()
    {
        if (_wakeAt is { } at)
        {
            TimeSpan due = at - _context.Time.GetUtcNow();
            _wake.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _wake.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private static CrashLoopBackoff NewBackoff(NodeAgentOptions options) => new(options.CrashLoopBackOffBase, options.CrashLoopBackOffMax);

    private IEnumerable<ContainerRecord> AllContainers => _initContainers.Concat(_containers);
}
