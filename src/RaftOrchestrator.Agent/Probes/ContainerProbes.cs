using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Probes;

/// <summary>
/// The probes of one running container attempt and what they concluded: <see cref="Started"/> (the startup probe
/// succeeded, or there is none), <see cref="Ready"/> (started, and the readiness probe succeeded or there is none)
/// and <see cref="KillReason"/> (set once the liveness or startup probe failed: the container must be killed).
/// Liveness and readiness probes start only once the container has started: the startup probe gates them.
/// </summary>
/// <remarks>
/// The results are written by the probe workers and read by the pod worker: <see cref="_gate"/> guards them.
/// Every change calls <c>changed</c> (the pod worker's kick); it is called without the lock held.
/// </remarks>
internal sealed class ContainerProbes : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Container _container;
    private readonly ProbeTarget _target;
    private readonly DateTimeOffset _startedAt;
    private readonly ActionRunner _runner;
    private readonly TimeProvider _time;
    private readonly Action _changed;
    private readonly Action<ProbeKind, string> _failed;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _workers = [];
    private bool _started;
    private bool _ready;
    private string? _killReason;

    public ContainerProbes(Container container, ProbeTarget target, DateTimeOffset startedAt, ActionRunner runner, TimeProvider time, Action changed, Action<ProbeKind, string> failed)
    {
        _container = container;
        _target = target;
        _startedAt = startedAt;
        _runner = runner;
        _time = time;
        _changed = changed;
        _failed = failed;
        _started = container.StartupProbe is null;
        _ready = _started && container.ReadinessProbe is null;
    }

    public bool Started
    {
        get
        {
            lock (_gate)
            {
                return _started;
            }
        }
    }

    public bool Ready
    {
        get
        {
            lock (_gate)
            {
                return _ready;
            }
        }
    }

    /// <summary>"liveness" or "startup" once that probe failed; null while the container is healthy.</summary>
    public string? KillReason
    {
        get
        {
            lock (_gate)
            {
                return _killReason;
            }
        }
    }

    public void Start()
    {
        lock (_gate)
        {
            if (_container.StartupProbe is { } startup)
            {
                Run(ProbeKind.Startup, startup, initial: false);
            }
            else
            {
                StartGated();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task[] workers;
        lock (_gate)
        {
            workers = [.. _workers];
        }
        await _stop.CancelAsync();
        foreach (Task worker in workers)
        {
            try
            {
                await worker;
            }
            catch (OperationCanceledException)
            {
                // stopped
            }
        }
        _stop.Dispose();
    }

    /// <summary>Starts liveness and readiness. Caller holds <see cref="_gate"/>.</summary>
    private void StartGated()
    {
        if (_container.LivenessProbe is { } liveness)
        {
            Run(ProbeKind.Liveness, liveness, initial: true);
        }
        if (_container.ReadinessProbe is { } readiness)
        {
            Run(ProbeKind.Readiness, readiness, initial: false);
        }
    }

    private void Run(ProbeKind kind, Probe probe, bool initial)
    {
        var worker = new ProbeWorker(kind, probe, _target, _startedAt, _runner, _time, OnResult, _failed);
        CancellationToken token = _stop.Token;
        _workers.Add(Task.Run(() => worker.RunAsync(initial, token), CancellationToken.None));
    }

    private void OnResult(ProbeKind kind, bool success)
    {
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }
            switch (kind)
            {
                case ProbeKind.Startup when success:
                    _started = true;
                    _ready = _container.ReadinessProbe is null;
                    StartGated();
                    break;
                case ProbeKind.Startup:
                    _killReason = "startup";
                    break;
                case ProbeKind.Liveness when !success:
                    _killReason = "liveness";
                    break;
                case ProbeKind.Readiness:
                    _ready = success && _started;
                    break;
            }
        }
        _changed();
    }
}
