using Microsoft.Extensions.Logging.Abstractions;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Controllers.Scheduler;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Scheduler;

/// <summary>A scheduling loop over an in-memory cluster with real informers, running until disposed.</summary>
internal sealed class SchedulerLoopHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public SchedulerLoopHarness(Func<InMemoryClusterClient, IPodBinder>? binder = null, SchedulerOptions? options = null)
    {
        Client = new InMemoryClusterClient();
        Options = options ?? new SchedulerOptions
        {
            LeaderElect = false,
            Queue = new SchedulingQueueOptions { InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(100) },
        };
        var informers = new SharedInformerFactory(Client, TimeProvider.System, NullLoggerFactory.Instance);
        Loop = new SchedulerLoop(Client, binder?.Invoke(Client) ?? new SinglePodBinder(Client), informers, Events, Options);
    }

    public InMemoryClusterClient Client { get; }

    public SchedulerOptions Options { get; }

    public RecordingEventRecorder Events { get; } = new();

    public SchedulerLoop Loop { get; }

    public void Start() => _running = Loop.RunAsync(_stop.Token);

    public static Node Node(string name, string cpu = "4", string memory = "8Gi", string pods = "110", IReadOnlyDictionary<string, string>? labels = null)
    {
        Node node = TestObjects.Node(name, labels ?? new Dictionary<string, string> { ["kubernetes.io/hostname"] = name });
        node.Status = new NodeStatus
        {
            Allocatable = new Dictionary<string, Quantity> { ["cpu"] = cpu, ["memory"] = memory, ["pods"] = pods },
            Capacity = new Dictionary<string, Quantity> { ["cpu"] = cpu, ["memory"] = memory, ["pods"] = pods },
            Conditions = [new NodeCondition { Type = "Ready", Status = "True" }],
        };
        return node;
    }

    public static Pod Pod(string name, string cpu = "500m", string? schedulerName = null)
    {
        Pod pod = TestObjects.Pod("default", name);
        pod.Spec.Containers[0].Resources = new ResourceRequirements { Requests = new Dictionary<string, Quantity> { ["cpu"] = cpu, ["memory"] = "64Mi" } };
        pod.Spec.SchedulerName = schedulerName;
        return pod;
    }

    public Pod Stored(string name) => Client.Objects<Pod>("default").Single(p => p.Metadata.Name == name);

    public static async Task EventuallyAsync(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        long started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started).TotalMilliseconds > timeoutMs)
            {
                Assert.Fail($"timed out waiting for {what}");
            }
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        _stop.Dispose();
        await Client.DisposeAsync();
    }
}
