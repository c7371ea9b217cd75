using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Controllers.Scheduler;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Scheduler;

public sealed class SchedulerLoopTests
{
    private static long CpuMilli(Pod pod) =>
        pod.Spec.Containers.Sum(c => c.Resources?.Requests?.GetValueOrDefault("cpu") is { } q && q.TryGetMilliValue(out long m) ? m : 0);

    [Fact]
    public async Task Pods_AreBoundToNodesWithRoom_WithScheduledEvents_AndNoNodeOvercommitted()
    {
        await using var h = new SchedulerLoopHarness();
        h.Client.Seed(SchedulerLoopHarness.Node("n1", cpu: "2"));
        h.Client.Seed(SchedulerLoopHarness.Node("n2", cpu: "2"));
        for (int i = 0; i < 8; i++)
        {
            h.Client.Seed(SchedulerLoopHarness.Pod($"p{i}", cpu: "500m"));
        }
        h.Start();
        await SchedulerLoopHarness.EventuallyAsync(() => h.Client.Objects<Pod>("default").All(p => p.Spec.NodeName is { Length: > 0 }), "every pod bound");

        IReadOnlyList<Pod> pods = h.Client.Objects<Pod>("default");
        foreach (IGrouping<string?, Pod> node in pods.GroupBy(p => p.Spec.NodeName))
        {
            Assert.True(node.Sum(CpuMilli) <= 2000, $"node {node.Key} overcommitted");
        }
        await SchedulerLoopHarness.EventuallyAsync(() => h.Events.WithReason(SchedulerLoop.ScheduledReason).Count == 8, "8 Scheduled events");
        RecordedEvent scheduled = h.Events.WithReason(SchedulerLoop.ScheduledReason).First(e => e.Involved.Name == "p0");
        Assert.Equal($"Successfully assigned default/p0 to {h.Stored("p0").Spec.NodeName}", scheduled.Message);
        Assert.Equal(8, h.Loop.Scheduled);
        await SchedulerLoopHarness.EventuallyAsync(() => h.Loop.CacheCounts is { Pods: 8, Assumed: 0 }, "binds confirmed by the informer");
    }

    [Fact]
    public async Task APodThatFitsNowhere_GetsFailedScheduling_AndPodScheduledFalse_ThenBindsWhenAFittingNodeIsAdded()
    {
        await using var h = new SchedulerLoopHarness();
        h.Client.Seed(SchedulerLoopHarness.Node("small-1", cpu: "1"));
        h.Client.Seed(SchedulerLoopHarness.Node("small-2", cpu: "1"));
        h.Client.Seed(SchedulerLoopHarness.Pod("big", cpu: "3"));
        h.Start();

        // kube-scheduler's text, its double period included.
        const string Message = "0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling..";
        await SchedulerLoopHarness.EventuallyAsync(() => h.Events.WithReason(SchedulerLoop.FailedSchedulingReason).Count > 0, "FailedScheduling");
        Assert.Equal(Message, h.Events.WithReason(SchedulerLoop.FailedSchedulingReason)[0].Message);
        Assert.Equal(EventTypesWarning, h.Events.WithReason(SchedulerLoop.FailedSchedulingReason)[0].Type);
        await SchedulerLoopHarness.EventuallyAsync(
            () => h.Stored("big").Status.Conditions?.Find(c => c.Type == "PodScheduled") is { Status: "False", Reason: "Unschedulable", Message: Message },
            "PodScheduled=False");

        // The status write is the pod's own update: it must not send the pod round the queue again.
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(1, h.Loop.UnschedulableAttempts);
        Assert.Equal(1, h.Loop.Queue.UnschedulableCount);

        h.Client.Seed(SchedulerLoopHarness.Node("large", cpu: "8"));
        await SchedulerLoopHarness.EventuallyAsync(() => h.Stored("big").Spec.NodeName == "large", "bound to the new node");
    }

    private const string EventTypesWarning = "Warning";

    [Fact]
    public async Task ARefusedBinding_IsForgottenAndRetried_AfterBackoff()
    {
        int calls = 0;
        await using var h = new SchedulerLoopHarness(client => new ScriptedBinder(new SinglePodBinder(client), () => Interlocked.Increment(ref calls) == 1
            ? new BindOutcome(BindOutcomeKind.Refused, "node n1: Insufficient cpu")
            : null));
        h.Client.Seed(SchedulerLoopHarness.Node("n1"));
        h.Client.Seed(SchedulerLoopHarness.Pod("p"));
        h.Start();
        await SchedulerLoopHarness.EventuallyAsync(() => h.Stored("p").Spec.NodeName == "n1", "bound on the retry");
        Assert.Equal("Binding rejected: node n1: Insufficient cpu", h.Events.WithReason(SchedulerLoop.FailedSchedulingReason).Single().Message);
        Assert.Equal(2, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task PodsOfAnotherScheduler_AndBoundPods_AreLeftAlone_ButCountOnTheirNodes()
    {
        await using var h = new SchedulerLoopHarness();
        h.Client.Seed(SchedulerLoopHarness.Node("n1", cpu: "1"));
        Pod bound = SchedulerLoopHarness.Pod("already", cpu: "1");
        bound.Spec.NodeName = "n1";
        h.Client.Seed(bound);
        h.Client.Seed(SchedulerLoopHarness.Pod("theirs", schedulerName: "my-scheduler"));
        h.Client.Seed(SchedulerLoopHarness.Pod("ours", cpu: "100m"));
        h.Start();

        await SchedulerLoopHarness.EventuallyAsync(() => h.Events.WithReason(SchedulerLoop.FailedSchedulingReason).Count > 0, "FailedScheduling for ours");
        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..", h.Events.WithReason(SchedulerLoop.FailedSchedulingReason)[0].Message);
        Assert.Equal("default/ours", h.Events.WithReason(SchedulerLoop.FailedSchedulingReason)[0].Involved.ToString());
        Assert.Null(h.Stored("theirs").Spec.NodeName);
        Assert.DoesNotContain(h.Events.Events, e => e.Involved.Name == "theirs");

        // Deleting the pod that fills the node frees room: the waiting pod is moved back and bound.
        await h.Client.Resource<Pod>().DeleteAsync("default", "already", new Api.Meta.DeleteOptions { GracePeriodSeconds = 0 }, TestContext.Current.CancellationToken);
        await SchedulerLoopHarness.EventuallyAsync(() => h.Stored("ours").Spec.NodeName == "n1", "bound after the delete");
    }

    /// <summary>Answers the scripted outcome when the script gives one, else binds through the inner binder.</summary>
    private sealed class ScriptedBinder(IPodBinder inner, Func<BindOutcome?> script) : IPodBinder
    {
        public string Name => "scripted";

        public int MaxBatchSize => inner.MaxBatchSize;

        public async Task<IReadOnlyList<BindOutcome>> BindAsync(IReadOnlyList<PodBinding> bindings, CancellationToken cancellationToken)
        {
            var outcomes = new List<BindOutcome>();
            foreach (PodBinding binding in bindings)
            {
                outcomes.Add(script() ?? (await inner.BindAsync([binding], cancellationToken))[0]);
            }
            return outcomes;
        }
    }
}
