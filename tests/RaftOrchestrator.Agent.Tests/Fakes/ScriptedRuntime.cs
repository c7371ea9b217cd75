using System.Collections.Concurrent;
using System.Threading.Channels;
using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Tests.Fakes;

/// <summary>
/// An in-memory <see cref="IContainerRuntime"/> driven by a script: each container name has a queue of exits (code,
/// after how long) its attempts take in turn, or runs until <see cref="Exit"/>; create, start and exec answers can be
/// replaced. Every call is logged in order (<see cref="Calls"/>), so tests assert on what the agent asked and when.
/// Times are the test's TimeProvider.
/// </summary>
internal sealed class ScriptedRuntime : IContainerRuntime
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly Channel<ContainerEvent> _events = Channel.CreateUnbounded<ContainerEvent>();
    private readonly Dictionary<string, Sandbox> _sandboxes = [];
    private readonly Dictionary<string, Box> _containers = [];
    private readonly Dictionary<string, Queue<(int Code, TimeSpan After)>> _exits = [];
    private readonly List<string> _calls = [];
    private readonly List<ITimer> _timers = [];
    private int _next;

    public ScriptedRuntime(TimeProvider time) => _time = time;

    public string Name => "process";

    public string Version => "0.1.0";

    /// <summary>Answers CreateContainer for a config instead of creating (null: create as usual).</summary>
    public Func<ContainerConfig, RuntimeResult<string>?>? OnCreate { get; set; }

    /// <summary>Answers ExecSync (container name, command); the default is exit 0.</summary>
    public Func<string, IReadOnlyList<string>, RuntimeResult<ExecResult>> OnExec { get; set; } = (_, _) => RuntimeResult<ExecResult>.Ok(new ExecResult(0, [], []));

    /// <summary>The exit code a stopped container reports (SIGTERM's 143 by default).</summary>
    public int StopExitCode { get; set; } = 143;

    public ConcurrentQueue<(string Container, TimeSpan Grace, DateTimeOffset At)> Stops { get; } = new();

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The next attempts of <paramref name="container"/> exit with these codes, each after <paramref name="after"/> (zero: at once).</summary>
    public void ExitWith(string container, TimeSpan after, params int[] codes)
    {
        lock (_gate)
        {
            if (!_exits.TryGetValue(container, out Queue<(int, TimeSpan)>? queue))
            {
                _exits[container] = queue = new Queue<(int, TimeSpan)>();
            }
            foreach (int code in codes)
            {
                queue.Enqueue((code, after));
            }
        }
    }

    public void ExitWith(string container, params int[] codes) => ExitWith(container, TimeSpan.Zero, codes);

    /// <summary>Makes the running attempt of <paramref name="container"/> exit with <paramref name="code"/> now.</summary>
    public void Exit(string container, int code)
    {
        Box? box;
        lock (_gate)
        {
            box = _containers.Values.LastOrDefault(c => c.Config.Name == container && c.State == ContainerRunState.Running);
        }
        Assert.NotNull(box);
        Finish(box, code);
    }

    /// <summary>Attempts started so far for a container name.</summary>
    public int Starts(string container) => Calls.Count(c => c == $"StartContainer {container}");

    public int Running(string container)
    {
        lock (_gate)
        {
            return _containers.Values.Count(c => c.Config.Name == container && c.State == ContainerRunState.Running);
        }
    }

    public IReadOnlyList<ContainerConfig> Configs(string container)
    {
        lock (_gate)
        {
            return [.. _containers.Values.Where(c => c.Config.Name == container).Select(c => c.Config)];
        }
    }

    public async IAsyncEnumerable<ContainerEvent> Events([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await _events.Reader.WaitToReadAsync(cancellationToken))
        {
            while (_events.Reader.TryRead(out ContainerEvent? e))
            {
                yield return e;
            }
        }
    }

    public Task<RuntimeResult<string>> RunPodSandboxAsync(PodSandboxConfig config, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            string id = $"sandbox-{++_next}";
            _sandboxes[id] = new Sandbox(id, config);
            _calls.Add($"RunPodSandbox {config.Namespace}/{config.Name}");
            return Task.FromResult(RuntimeResult<string>.Ok(id));
        }
    }

    public Task<RuntimeResult> StopPodSandboxAsync(string sandboxId, CancellationToken cancellationToken)
    {
        Box[] running;
        lock (_gate)
        {
            _calls.Add("StopPodSandbox");
            if (!_sandboxes.TryGetValue(sandboxId, out Sandbox? sandbox))
            {
                return Task.FromResult(RuntimeResult.Fail(RuntimeErrorCode.NotFound, "no such sandbox"));
            }
            sandbox.Ready = false;
            running = [.. _containers.Values.Where(c => c.SandboxId == sandboxId && c.State == ContainerRunState.Running)];
        }
        foreach (Box box in running)
        {
            Finish(box, 137);
        }
        return Task.FromResult(RuntimeResult.Ok);
    }

    public Task<RuntimeResult> RemovePodSandboxAsync(string sandboxId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls.Add("RemovePodSandbox");
            _sandboxes.Remove(sandboxId);
            foreach (string id in _containers.Values.Where(c => c.SandboxId == sandboxId).Select(c => c.Id).ToList())
            {
                _containers.Remove(id);
            }
            return Task.FromResult(RuntimeResult.Ok);
        }
    }

    public Task<RuntimeResult<PodSandboxStatus>> PodSandboxStatusAsync(string sandboxId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_sandboxes.TryGetValue(sandboxId, out Sandbox? sandbox)
                ? RuntimeResult<PodSandboxStatus>.Ok(new PodSandboxStatus(sandboxId, sandbox.Ready ? PodSandboxState.Ready : PodSandboxState.NotReady, "10.0.0.7", _time.GetUtcNow()))
                : RuntimeResult<PodSandboxStatus>.Fail(RuntimeErrorCode.NotFound, "no such sandbox"));
        }
    }

    public Task<RuntimeResult<string>> CreateContainerAsync(string sandboxId, ContainerConfig config, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls.Add($"CreateContainer {config.Name}");
            if (OnCreate?.Invoke(config) is { } answer)
            {
                return Task.FromResult(answer);
            }
            string id = $"c{++_next}";
            _containers[id] = new Box(id, sandboxId, config, _time.GetUtcNow());
            return Task.FromResult(RuntimeResult<string>.Ok(id));
        }
    }

    public Task<RuntimeResult> StartContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        Box box;
        (int Code, TimeSpan After)? exit = null;
        lock (_gate)
        {
            box = _containers[containerId];
            _calls.Add($"StartContainer {box.Config.Name}");
            box.State = ContainerRunState.Running;
            box.StartedAt = _time.GetUtcNow();
            if (_exits.TryGetValue(box.Config.Name, out Queue<(int, TimeSpan)>? queue) && queue.Count > 0)
            {
                exit = queue.Dequeue();
            }
        }
        _events.Writer.TryWrite(new ContainerEvent(containerId, box.SandboxId, ContainerEventKind.Started, _time.GetUtcNow()));
        if (exit is { } planned)
        {
            if (planned.After == TimeSpan.Zero)
            {
                Finish(box, planned.Code);
            }
            else
            {
                ITimer timer = _time.CreateTimer(_ => Finish(box, planned.Code), null, planned.After, Timeout.InfiniteTimeSpan);
                lock (_gate)
                {
                    _timers.Add(timer);
                }
            }
        }
        return Task.FromResult(RuntimeResult.Ok);
    }

    public Task<RuntimeResult> StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        Box? box;
        lock (_gate)
        {
            _containers.TryGetValue(containerId, out box);
            _calls.Add($"StopContainer {box?.Config.Name}");
        }
        if (box is null)
        {
            return Task.FromResult(RuntimeResult.Fail(RuntimeErrorCode.NotFound, "no such container"));
        }
        Stops.Enqueue((box.Config.Name, gracePeriod, _time.GetUtcNow()));
        Finish(box, StopExitCode);
        return Task.FromResult(RuntimeResult.Ok);
    }

    public Task<RuntimeResult> RemoveContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls.Add($"RemoveContainer {(_containers.TryGetValue(containerId, out Box? box) ? box.Config.Name : containerId)}");
            _containers.Remove(containerId);
            return Task.FromResult(RuntimeResult.Ok);
        }
    }

    public Task<RuntimeResult<ContainerStatusInfo>> ContainerStatusAsync(string containerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_containers.TryGetValue(containerId, out Box? box)
                ? RuntimeResult<ContainerStatusInfo>.Ok(box.Status())
                : RuntimeResult<ContainerStatusInfo>.Fail(RuntimeErrorCode.NotFound, "no such container"));
        }
    }

    public Task<IReadOnlyList<ContainerStatusInfo>> ListContainersAsync(string? sandboxId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ContainerStatusInfo>>([.. _containers.Values.Where(c => sandboxId is null || c.SandboxId == sandboxId).Select(c => c.Status())]);
        }
    }

    public Task<RuntimeResult<ExecResult>> ExecSyncAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string name;
        lock (_gate)
        {
            if (!_containers.TryGetValue(containerId, out Box? box))
            {
                return Task.FromResult(RuntimeResult<ExecResult>.Fail(RuntimeErrorCode.NotFound, "no such container"));
            }
            name = box.Config.Name;
            _calls.Add($"ExecSync {name} {string.Join(' ', command)}");
        }
        return Task.FromResult(OnExec(name, command));
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (ITimer timer in _timers)
            {
                timer.Dispose();
            }
        }
        _events.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private void Finish(Box box, int code)
    {
        lock (_gate)
        {
            if (box.State == ContainerRunState.Exited)
            {
                return;
            }
            box.State = ContainerRunState.Exited;
            box.ExitCode = code;
            box.FinishedAt = _time.GetUtcNow();
        }
        _events.Writer.TryWrite(new ContainerEvent(box.Id, box.SandboxId, ContainerEventKind.Exited, _time.GetUtcNow()));
    }

    private sealed class Sandbox(string id, PodSandboxConfig config)
    {
        public string Id { get; } = id;

        public PodSandboxConfig Config { get; } = config;

        public bool Ready { get; set; } = true;
    }

    private sealed class Box(string id, string sandboxId, ContainerConfig config, DateTimeOffset createdAt)
    {
        public string Id { get; } = id;

        public string SandboxId { get; } = sandboxId;

        public ContainerConfig Config { get; } = config;

        public ContainerRunState State { get; set; } = ContainerRunState.Created;

        public DateTimeOffset? StartedAt { get; set; }

        public DateTimeOffset? FinishedAt { get; set; }

        public int? ExitCode { get; set; }

        public ContainerStatusInfo Status() =>
            new(Id, SandboxId, Config.Name, Config.Attempt, State, createdAt, StartedAt, FinishedAt, ExitCode, null, null, Config.Image, Config.LogPath);
    }
}
