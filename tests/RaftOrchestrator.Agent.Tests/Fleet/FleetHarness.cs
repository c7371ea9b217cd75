using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Agent.Fleet;
using RaftOrchestrator.Agent.Sim;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Agent.Tests.Fleet;

/// <summary>
/// A <see cref="SimFleet"/> over an <see cref="InMemoryClusterClient"/> on a <see cref="FakeTimeProvider"/>: the
/// fleet runs on the thread pool, time moves only when a test advances it, and conditions are polled (bounded in
/// real time) because the fleet's loops react asynchronously.
/// </summary>
internal sealed class FleetHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _ownsCluster;
    private Task? _run;

    /// <summary>
    /// A fleet over <paramref name="cluster"/> (a new one on a new fake clock when null; a given one must run on a
    /// <see cref="FakeTimeProvider"/> and outlives the harness), reached through <paramref name="wrap"/> when given.
    /// </summary>
    public FleetHarness(SimFleetOptions? options = null, InMemoryClusterClient? cluster = null, Func<InMemoryClusterClient, IClusterClient>? wrap = null)
    {
        _ownsCluster = cluster is null;
        Cluster = cluster ?? new InMemoryClusterClient(new FakeTimeProvider(TestClock.Start));
        Time = (FakeTimeProvider)Cluster.Time;
        Options = options ?? new SimFleetOptions { Count = 3, StatsInterval = TimeSpan.Zero };
        Fleet = new SimFleet(wrap?.Invoke(Cluster) ?? Cluster, Options, Time);
    }

    public FakeTimeProvider Time { get; }

    public InMemoryClusterClient Cluster { get; }

    public SimFleetOptions Options { get; }

    public SimFleet Fleet { get; }

    public static SimFleetOptions Fixed(int count, TimeSpan startLatency) => new()
    {
        Count = count,
        StartLatency = SimLatency.Fixed(startLatency),
        StatsInterval = TimeSpan.Zero,
    };

    /// <summary>Starts the fleet and waits until its nodes are registered and its pods watch is open.</summary>
    public async Task StartAsync()
    {
        _run = Task.Run(() => Fleet.RunAsync(_stop.Token));
        await Fleet.Registered.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await EventuallyAsync(() => Cluster.OpenWatches > 0, "the pods watch to open");
    }

    public Pod BoundPod(string name, string node, string? restartPolicy = null)
    {
        Pod pod = TestObjects.Pod("default", name, nodeName: node);
        pod.Spec.RestartPolicy = restartPolicy;
        return Cluster.Seed(pod);
    }

    /// <summary>Waits until the fleet tracks <paramref name="pods"/> pods (it has seen them on its watch), so a clock advance after it counts for them.</summary>
    public Task TrackedAsync(int pods) => EventuallyAsync(() => Fleet.Stats.Pods == pods, $"the fleet to track {pods} pods");

    public Pod Stored(string name) => Cluster.Objects<Pod>("default").Single(p => p.Metadata.Name == name);

    public Pod? Find(string name) => Cluster.Objects<Pod>("default").SingleOrDefault(p => p.Metadata.Name == name);

    public int StatusWrites(string name) => Cluster.Writes(InMemoryVerb.UpdateStatus, "pods").Count(a => a.Name == name);

    /// <summary>Moves the fake clock in steps, letting the fleet react between them, until the condition holds.</summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, string what, TimeSpan step, TimeSpan max)
    {
        for (TimeSpan moved = TimeSpan.Zero; ; moved += step)
        {
            if (await PollAsync(condition, 20))
            {
                return;
            }
            Assert.True(moved < max, $"timed out (fake {max}) waiting for {what}");
            Time.Advance(step);
        }
    }

    public static async Task EventuallyAsync(Func<bool> condition, string what, int timeoutMs = 10_000) =>
        Assert.True(await PollAsync(condition, timeoutMs), $"timed out waiting for {what}");

    /// <summary>Lets the fleet run for a while of real time (for "nothing happens" checks).</summary>
    public static Task SettleAsync() => Task.Delay(150, TestContext.Current.CancellationToken);

    private static async Task<bool> PollAsync(Func<bool> condition, int timeoutMs)
    {
        long started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started).TotalMilliseconds > timeoutMs)
            {
                return false;
            }
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _run);
        }
        _stop.Dispose();
        if (_ownsCluster)
        {
            await Cluster.DisposeAsync();
        }
    }
}
