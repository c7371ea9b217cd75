using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Controllers.Scheduler;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Scheduler;

public sealed class BindingPipelineTests
{
    /// <summary>Records each call's size; answers per a rule; can hold calls until released.</summary>
    private sealed class FakeBinder(int maxBatchSize = 1000, Func<PodBinding, BindOutcome>? answer = null) : IPodBinder
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;

        public ConcurrentQueue<int> Calls { get; } = new();

        public int MaxInFlight { get; private set; }

        public bool Hold { get; set; }

        public string Name => "fake";

        public int MaxBatchSize => maxBatchSize;

        public void Release() => _release.TrySetResult();

        public async Task<IReadOnlyList<BindOutcome>> BindAsync(IReadOnlyList<PodBinding> bindings, CancellationToken cancellationToken)
        {
            Calls.Enqueue(bindings.Count);
            int now = Interlocked.Increment(ref _inFlight);
            lock (Calls)
            {
                MaxInFlight = Math.Max(MaxInFlight, now);
            }
            if (Hold)
            {
                await _release.Task.WaitAsync(cancellationToken);
            }
            Interlocked.Decrement(ref _inFlight);
            return [.. bindings.Select(b => answer?.Invoke(b) ?? BindOutcome.Bound)];
        }
    }

    private static PodBinding Binding(int i) => new("ns", $"p{i}", null, "n1");

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
        Assert.True(condition());
    }

    [Fact]
    public async Task FullGroups_AreSentAtMaxBatchSize_WithoutWaitingForTheLinger()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var binder = new FakeBinder();
        var results = new ConcurrentDictionary<string, BindOutcome>();
        var pipeline = new BindingPipeline<PodBinding>(binder, b => b, (b, o) => results[b.Name] = o,
            new BindingPipelineOptions { MaxBatchSize = 4, Linger = TimeSpan.FromSeconds(10) }, time);
        for (int i = 0; i < 8; i++)
        {
            pipeline.Enqueue(Binding(i));
        }
        using var stop = new CancellationTokenSource();
        Task running = pipeline.RunAsync(stop.Token);
        await EventuallyAsync(() => results.Count == 8);
        Assert.Equal([4, 4], binder.Calls.ToArray());
        Assert.All(results.Values, o => Assert.True(o.IsBound));
        pipeline.Complete();
        await running.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task APartialGroup_WaitsForTheLinger_OnTheFakeClock()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var binder = new FakeBinder();
        int answered = 0;
        var pipeline = new BindingPipeline<PodBinding>(binder, b => b, (_, _) => Interlocked.Increment(ref answered),
            new BindingPipelineOptions { MaxBatchSize = 100, Linger = TimeSpan.FromMilliseconds(2) }, time);
        using var stop = new CancellationTokenSource();
        Task running = pipeline.RunAsync(stop.Token);
        pipeline.Enqueue(Binding(1));
        pipeline.Enqueue(Binding(2));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Empty(binder.Calls);
        pipeline.Enqueue(Binding(3));
        // The collector may arm its timer just after an advance; keep the fake clock moving until it fires.
        await EventuallyAsync(() =>
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            return Volatile.Read(ref answered) == 3;
        });
        Assert.Equal([3], binder.Calls.ToArray());
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Flush_SendsAtOnce_AndKeepsOrder()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var binder = new FakeBinder();
        var order = new ConcurrentQueue<string>();
        var pipeline = new BindingPipeline<PodBinding>(binder, b => b, (b, _) => order.Enqueue(b.Name),
            new BindingPipelineOptions { MaxBatchSize = 100, Linger = TimeSpan.FromHours(1) }, time);
        using var stop = new CancellationTokenSource();
        Task running = pipeline.RunAsync(stop.Token);
        pipeline.Enqueue(Binding(1));
        pipeline.Enqueue(Binding(2));
        pipeline.Flush();
        await EventuallyAsync(() => order.Count == 2);
        Assert.Equal(["p1", "p2"], order.ToArray());
        Assert.Equal([2], binder.Calls.ToArray());
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task GroupsInFlight_AreBounded_AndTheBinderCapsTheGroupSize()
    {
        var binder = new FakeBinder(maxBatchSize: 2) { Hold = true };
        int answered = 0;
        var pipeline = new BindingPipeline<PodBinding>(binder, b => b, (_, _) => Interlocked.Increment(ref answered),
            new BindingPipelineOptions { MaxBatchSize = 500, Linger = TimeSpan.Zero, MaxInFlightBatches = 2 });
        for (int i = 0; i < 10; i++)
        {
            pipeline.Enqueue(Binding(i));
        }
        using var stop = new CancellationTokenSource();
        Task running = pipeline.RunAsync(stop.Token);
        await EventuallyAsync(() => binder.Calls.Count == 2);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(2, binder.Calls.Count);
        binder.Release();
        await EventuallyAsync(() => Volatile.Read(ref answered) == 10);
        Assert.Equal(2, binder.MaxInFlight);
        Assert.All(binder.Calls, size => Assert.Equal(2, size));
        pipeline.Complete();
        await running.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task PerBindingOutcomes_ReachTheirJobs_AndAThrowingBinderFailsItsGroup()
    {
        var refusing = new FakeBinder(answer: b => b.Name == "p1" ? new BindOutcome(BindOutcomeKind.Refused, "node n1: Insufficient cpu") : BindOutcome.Bound);
        var results = new ConcurrentDictionary<string, BindOutcome>();
        var pipeline = new BindingPipeline<PodBinding>(refusing, b => b, (b, o) => results[b.Name] = o, new BindingPipelineOptions { Linger = TimeSpan.Zero });
        pipeline.Enqueue(Binding(0));
        pipeline.Enqueue(Binding(1));
        pipeline.Complete();
        await pipeline.RunAsync(TestContext.Current.CancellationToken);
        Assert.True(results["p0"].IsBound);
        Assert.Equal(new BindOutcome(BindOutcomeKind.Refused, "node n1: Insufficient cpu"), results["p1"]);

        var throwing = new FakeBinder(answer: _ => throw new InvalidOperationException("boom"));
        var failed = new ConcurrentDictionary<string, BindOutcome>();
        var broken = new BindingPipeline<PodBinding>(throwing, b => b, (b, o) => failed[b.Name] = o, new BindingPipelineOptions { Linger = TimeSpan.Zero });
        broken.Enqueue(Binding(5));
        broken.Complete();
        await broken.RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new BindOutcome(BindOutcomeKind.Failed, "boom"), failed["p5"]);
    }

    [Fact]
    public async Task Cancellation_AnswersJobsNeverSent_AsFailed()
    {
        var binder = new FakeBinder { Hold = true };
        var results = new ConcurrentDictionary<string, BindOutcome>();
        var pipeline = new BindingPipeline<PodBinding>(binder, b => b, (b, o) => results[b.Name] = o,
            new BindingPipelineOptions { MaxBatchSize = 1, Linger = TimeSpan.Zero, MaxInFlightBatches = 1 });
        using var stop = new CancellationTokenSource();
        pipeline.Enqueue(Binding(0));
        pipeline.Enqueue(Binding(1));
        Task running = pipeline.RunAsync(stop.Token);
        await EventuallyAsync(() => binder.Calls.Count == 1);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(2, results.Count);
        Assert.All(results.Values, o => Assert.Equal(BindOutcomeKind.Failed, o.Kind));
        pipeline.Enqueue(Binding(2));
        Assert.Equal(BindOutcomeKind.Failed, results["p2"].Kind);
    }
}
