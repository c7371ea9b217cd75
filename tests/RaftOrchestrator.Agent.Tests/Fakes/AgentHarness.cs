using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Agent.Nodes;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Agent.Tests.Fakes;

/// <summary>
/// A <see cref="NodeAgent"/> of node "node-1" over an <see cref="InMemoryClusterClient"/> and a
/// <see cref="ScriptedRuntime"/>, on a fake clock. The agent's loops run on the thread pool, so assertions wait
/// (<see cref="WaitForPodAsync"/>, <see cref="EventuallyAsync"/>) for the effect of a change or of advancing the clock.
/// </summary>
internal sealed class AgentHarness : IAsyncDisposable
{
    public const string NodeName = "node-1";

    /// <summary>How long a test waits, in real time, for the agent to react.</summary>
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "ro-agent-tests", Guid.NewGuid().ToString("N"));
    private Task? _run;

    public AgentHarness(Func<NodeAgentOptions, NodeAgentOptions>? configure = null)
    {
        Time = new FakeTimeProvider(TestClock.Start);
        Client = new InMemoryClusterClient(Time);
        Runtime = new ScriptedRuntime(Time);
        var options = new NodeAgentOptions
        {
            NodeName = NodeName,
            DataDirectory = _dataDirectory,
            KubeletPort = 10250,
            Host = Host,
        };
        Options = configure?.Invoke(options) ?? options;
        Agent = new NodeAgent(Client, Runtime, Options, Time, events: Events);
    }

    public static HostFacts Host { get; } = new()
    {
        Cpus = 4,
        MemoryBytes = 8L * 1024 * 1024 * 1024,
        EphemeralStorageBytes = 100L * 1024 * 1024 * 1024,
        InternalIP = "192.0.2.10",
        MachineID = "machine-1",
        BootID = "boot-1",
        KernelVersion = "6.1.0",
        OSImage = "Debian GNU/Linux 12 (bookworm)",
        Architecture = "amd64",
    };

    public FakeTimeProvider Time { get; }

    public InMemoryClusterClient Client { get; }

    public ScriptedRuntime Runtime { get; }

    public RecordingEventRecorder Events { get; } = new();

    public NodeAgentOptions Options { get; }

    public NodeAgent Agent { get; }

    public async Task StartAsync()
    {
        _run = Task.Run(() => Agent.RunAsync(_stop.Token));
        await Agent.Started.WaitAsync(s_patience);
    }

    /// <summary>Creates a pod bound to this node.</summary>
    public async Task<Pod> CreatePodAsync(Pod pod)
    {
        pod.Spec.NodeName ??= NodeName;
        return (await Client.Resource<Pod>().CreateAsync(pod)).Unwrap();
    }

    public Pod? Pod(string name) => Client.Objects<Pod>("default").FirstOrDefault(p => p.Metadata.Name == name);

    /// <summary>Waits until the pod satisfies <paramref name="condition"/>; fails with its last status if it never does.</summary>
    public async Task<Pod> WaitForPodAsync(string name, Func<Pod, bool> condition, string? because = null)
    {
        Pod? last = null;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < s_patience)
        {
            last = Pod(name);
            if (last is not null && Holds(condition, last))
            {
                return last;
            }
            await Task.Delay(5);
        }
        Assert.Fail($"pod {name} never {because ?? "matched"}; last status: {Describe(last)}");
        return last!;
    }

    /// <summary>A condition that asks for a container status not there yet is false.</summary>
    private static bool Holds(Func<Pod, bool> condition, Pod pod)
    {
        try
        {
            return condition(pod);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string because)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < s_patience)
        {
            if (condition())
            {
                return;
            }
            await Task.Delay(5);
        }
        Assert.Fail($"never: {because}");
    }

    /// <summary>Lets the agent's loops run with the clock standing still (for "nothing happens" assertions).</summary>
    public static Task SettleAsync() => Task.Delay(150);

    /// <summary>Advances the clock in steps, letting the agent react after each.</summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan? step = null)
    {
        TimeSpan each = step ?? TimeSpan.FromSeconds(1);
        for (TimeSpan done = TimeSpan.Zero; done < total; done += each)
        {
            Time.Advance(each < total - done ? each : total - done);
            await Task.Delay(2);
        }
        await Task.Delay(20);
    }

    /// <summary>
    /// Advances the clock a step at a time until <paramref name="condition"/> holds (at most <paramref name="max"/>):
    /// for behaviour whose exact instant depends on when a loop armed its timer, not on what the test asserts.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan max, string because, TimeSpan? step = null)
    {
        TimeSpan each = step ?? TimeSpan.FromSeconds(1);
        for (TimeSpan done = TimeSpan.Zero; !condition(); done += each)
        {
            if (done >= max)
            {
                Assert.Fail($"never within {max}: {because}");
            }
            Time.Advance(each);
            await Task.Delay(5);
        }
    }

    public static ContainerStatus Container(Pod pod, string name) =>
        pod.Status.ContainerStatuses?.Find(c => c.Name == name) ?? pod.Status.InitContainerStatuses?.Find(c => c.Name == name)
        ?? throw new InvalidOperationException($"no status for container {name}: {Describe(pod)}");

    public static string? Condition(Pod pod, string type) => pod.Status.Conditions?.Find(c => c.Type == type)?.Status;

    public static string Describe(Pod? pod) => pod is null ? "(none)" : JsonSerializer.Serialize(pod.Status, Api.Serialization.ApiJson.Options);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(s_patience);
        }
        await Runtime.DisposeAsync();
        await Client.DisposeAsync();
        _stop.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // never created
        }
    }

    /// <summary>A pod of one container "main" (or the ones given), restart policy as given.</summary>
    public static Pod NewPod(string name, string? restartPolicy = null, params Container[] containers) => new()
    {
        Metadata = new Api.Meta.ObjectMeta { Namespace = "default", Name = name },
        Spec = new PodSpec
        {
            RestartPolicy = restartPolicy,
            Containers = containers.Length == 0 ? [MainContainer()] : [.. containers],
        },
    };

    public static Container MainContainer(string name = "main") => new() { Name = name, Image = "busybox", Command = ["sh", "-c", "sleep 3600"] };
}
