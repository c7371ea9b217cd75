using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Controllers.Scheduler;

namespace RaftOrchestrator.Controllers.Tests.Scheduler;

/// <summary>The loop filters with the queue's nominations: room preemption freed stays with the preemptor.</summary>
public sealed class SchedulerLoopNominationTests
{
    private static Pod Pod(string name, string cpu, int priority)
    {
        Pod pod = SchedulerLoopHarness.Pod(name, cpu);
        pod.Spec.Priority = priority;
        return pod;
    }

    [Fact]
    public async Task RoomKeptForANominatedPod_TurnsAwayALowerPriorityPod_UntilTheNominatedPodIsDeleted()
    {
        await using var h = new SchedulerLoopHarness();
        h.Client.Seed(SchedulerLoopHarness.Node("n1", cpu: "2"));
        // Nominated to n1 by an earlier term (its status says so) and unable to land yet.
        Pod nominated = Pod("preemptor", cpu: "2", priority: 100);
        nominated.Status.NominatedNodeName = "n1";
        nominated.Spec.NodeSelector = new Dictionary<string, string> { ["disk"] = "ssd" };
        h.Client.Seed(nominated);
        h.Client.Seed(Pod("q", cpu: "1", priority: 10));
        h.Start();

        await SchedulerLoopHarness.EventuallyAsync(() => h.Events.WithReason(SchedulerLoop.FailedSchedulingReason).Any(e => e.Involved.Name == "q"), "FailedScheduling for q");
        Assert.Equal(
            "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..",
            h.Events.WithReason(SchedulerLoop.FailedSchedulingReason).First(e => e.Involved.Name == "q").Message);
        Assert.Null(h.Stored("q").Spec.NodeName);

        // Its deletion frees the kept room, which moves q back without waiting for the unschedulable flush.
        await h.Client.Resource<Pod>().DeleteAsync("default", "preemptor", new DeleteOptions { GracePeriodSeconds = 0 }, TestContext.Current.CancellationToken);
        await SchedulerLoopHarness.EventuallyAsync(() => h.Stored("q").Spec.NodeName == "n1", "q bound once the nomination is gone");
    }

    [Fact]
    public async Task APreemptor_GetsTheRoomItFreed_AndALowerPriorityPodPendingMeanwhileDoesNotTakeIt()
    {
        await using var h = new SchedulerLoopHarness();
        h.Client.Seed(SchedulerLoopHarness.Node("n1", cpu: "2"));
        Pod low = Pod("low", cpu: "2", priority: 0);
        low.Spec.NodeName = "n1";
        h.Client.Seed(low);
        h.Client.Seed(Pod("preemptor", cpu: "2", priority: 100));
        h.Client.Seed(Pod("q", cpu: "1", priority: 10));
        h.Start();

        // The victim terminates gracefully; meanwhile q is scheduled and must not take n1. Then its node agent finishes it.
        await SchedulerLoopHarness.EventuallyAsync(() => h.Stored("low").Metadata.DeletionTimestamp is not null, "low terminating");
        await SchedulerLoopHarness.EventuallyAsync(() => h.Events.WithReason(SchedulerLoop.FailedSchedulingReason).Any(e => e.Involved.Name == "q"), "q attempted");
        Assert.Equal(
            "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Insufficient cpu..",
            h.Events.WithReason(SchedulerLoop.FailedSchedulingReason).First(e => e.Involved.Name == "q").Message);
        await h.Client.Resource<Pod>().DeleteAsync("default", "low", new DeleteOptions { GracePeriodSeconds = 0 }, TestContext.Current.CancellationToken);

        await SchedulerLoopHarness.EventuallyAsync(() => h.Stored("preemptor").Spec.NodeName == "n1", "the preemptor bound where it preempted");
        Assert.DoesNotContain(h.Client.Objects<Pod>("default"), p => p.Metadata.Name == "low");
        Assert.Null(h.Stored("q").Spec.NodeName);
        Assert.Null(h.Stored("q").Status.NominatedNodeName);
        Assert.Contains(h.Events.WithReason(SchedulerLoop.PreemptedReason), e => e.Involved.Name == "low");
        Assert.DoesNotContain(h.Events.WithReason(SchedulerLoop.PreemptedReason), e => e.Involved.Name == "preemptor");
    }
}
