using Microsoft.Extensions.Logging.Abstractions;
using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Controllers.Scheduler;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Scheduler;

public sealed class KubeSchedulerTests
{
    private static SchedulerOptions Options(string identity) => new()
    {
        Identity = identity,
        LeaseDuration = TimeSpan.FromSeconds(3),
        RenewDeadline = TimeSpan.FromSeconds(2),
        RetryPeriod = TimeSpan.FromMilliseconds(200),
        Queue = new SchedulingQueueOptions { InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(100) },
    };

    [Fact]
    public async Task TwoSchedulers_OneLeadsOnTheKubeSchedulerLease_AndTheOtherTakesOverWhenItStops()
    {
        await using var client = new InMemoryClusterClient();
        client.Seed(SchedulerLoopHarness.Node("n1"));
        client.Seed(SchedulerLoopHarness.Pod("first"));
        var a = new KubeScheduler(client, Options("a"), NullLoggerFactory.Instance);
        var b = new KubeScheduler(client, Options("b"), NullLoggerFactory.Instance);
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        Task runA = a.RunAsync(stopA.Token);
        await SchedulerLoopHarness.EventuallyAsync(() => a.Current is not null, "a leads");
        Task runB = b.RunAsync(stopB.Token);

        await SchedulerLoopHarness.EventuallyAsync(() => client.Objects<Pod>("default").Single().Spec.NodeName == "n1", "first bound");
        Assert.Null(b.Current);
        Assert.Equal("a", client.Objects<Lease>("kube-system").Single(l => l.Metadata.Name == "kube-scheduler").Spec?.HolderIdentity);

        await stopA.CancelAsync();
        await runA.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await SchedulerLoopHarness.EventuallyAsync(() => b.Current is not null, "b leads after a released the lease");
        client.Seed(SchedulerLoopHarness.Pod("second"));
        await SchedulerLoopHarness.EventuallyAsync(() => client.Objects<Pod>("default").All(p => p.Spec.NodeName == "n1"), "second bound by b");

        await stopB.CancelAsync();
        await runB.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }
}
