using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Controllers.Scheduler;
using RaftOrchestrator.Scheduling.Framework;
using RaftOrchestrator.Scheduling.Plugins.QueueSort;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Scheduler;

public sealed class SchedulingQueueTests
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);

    private SchedulingQueue NewQueue() => new(new QueueSortComparer(new PrioritySort()), PluginEvents.Default, new SchedulingQueueOptions(), _time);

    private static Pod Pod(string name, int priority = 0)
    {
        Pod pod = TestObjects.Pod("ns", name);
        pod.Spec.Priority = priority;
        return pod;
    }

    private static async Task<string> PopNameAsync(SchedulingQueue queue)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        QueuedPod? pod = await queue.PopAsync(timeout.Token);
        Assert.NotNull(pod);
        return pod.Pod.Metadata.Name!;
    }

    [Fact]
    public async Task Pop_OrdersByPriorityThenEnqueueTime()
    {
        SchedulingQueue queue = NewQueue();
        queue.Add(Pod("low-early", 0));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        queue.Add(Pod("high", 10));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        queue.Add(Pod("low-late", 0));
        queue.Add(Pod("low-same-instant", 0));

        Assert.Equal(
            ["high", "low-early", "low-late", "low-same-instant"],
            [await PopNameAsync(queue), await PopNameAsync(queue), await PopNameAsync(queue), await PopNameAsync(queue)]);
        Assert.Equal(4, queue.InFlightCount);
    }

    [Fact]
    public async Task Pop_BlocksUntilAdd_AndCancellationEndsTheWait()
    {
        SchedulingQueue queue = NewQueue();
        Task<QueuedPod?> waiting = queue.PopAsync(TestContext.Current.CancellationToken);
        await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        queue.Add(Pod("a"));
        QueuedPod? popped = await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal("a", popped?.Pod.Metadata.Name);
        Assert.Equal(1, popped?.Attempts);

        using var cancel = new CancellationTokenSource();
        Task<QueuedPod?> cancelled = queue.PopAsync(cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
    }

    [Fact]
    public async Task Close_WakesPoppers_DropsEverything_AndIgnoresLaterAdds()
    {
        SchedulingQueue queue = NewQueue();
        Task<QueuedPod?> blocked = queue.PopAsync(TestContext.Current.CancellationToken);
        await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.Equal(0, queue.Close());
        Assert.Null(await blocked.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));

        SchedulingQueue full = NewQueue();
        full.Add(Pod("a"));
        full.Add(Pod("b"));
        Assert.Equal(2, full.Close());
        Assert.Null(await full.PopAsync(TestContext.Current.CancellationToken));
        full.Add(Pod("late"));
        Assert.Equal(0, full.ActiveCount);
    }

    [Fact]
    public void Backoff_DoublesPerAttempt_UpToTheCeiling()
    {
        var options = new SchedulingQueueOptions();
        int[] attempts = [1, 2, 3, 4, 5, 9];
        Assert.Equal([1, 2, 4, 8, 10, 10], attempts.Select(a => options.BackoffFor(a).TotalSeconds).ToArray());
    }

    [Fact]
    public async Task AddBackoff_WaitsOutTheBackoff_ThenFlushesToActive()
    {
        SchedulingQueue queue = NewQueue();
        queue.Add(Pod("a"));
        QueuedPod first = (await queue.PopAsync(TestContext.Current.CancellationToken))!;
        queue.AddBackoff(first);
        Assert.Equal((0, 1), (queue.ActiveCount, queue.BackoffCount));

        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, queue.FlushBackoffCompleted());
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.FlushBackoffCompleted());

        QueuedPod second = (await queue.PopAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(2, second.Attempts);
        queue.AddBackoff(second);
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(0, queue.FlushBackoffCompleted());
        _time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(1, queue.FlushBackoffCompleted());
    }

    [Fact]
    public async Task Unschedulable_MovesOnlyOnAnEventItsPluginsRegistered()
    {
        SchedulingQueue queue = NewQueue();
        queue.Add(Pod("needs-cpu"));
        queue.Add(Pod("needs-label"));
        QueuedPod cpu = (await queue.PopAsync(TestContext.Current.CancellationToken))!;
        QueuedPod label = (await queue.PopAsync(TestContext.Current.CancellationToken))!;
        cpu.UnschedulablePlugins = ["NodeResourcesFit"];
        label.UnschedulablePlugins = ["NodeAffinity"];
        queue.AddUnschedulable(cpu);
        queue.AddUnschedulable(label);
        Assert.Equal(2, queue.UnschedulableCount);

        Assert.Equal(0, queue.MoveAllToActiveOrBackoff(new ClusterEvent(ClusterEventResource.Node, ClusterEventAction.UpdateNodeTaint, "NodeTaintChange")));
        Assert.Equal(1, queue.MoveAllToActiveOrBackoff(ClusterEvent.AssignedPodDelete));
        Assert.Equal(1, queue.UnschedulableCount);
        // Its backoff (1 s from the hand-back) has not ended: it waits in the backoff queue.
        Assert.Equal((0, 1), (queue.ActiveCount, queue.BackoffCount));

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, queue.MoveAllToActiveOrBackoff(new ClusterEvent(ClusterEventResource.Node, ClusterEventAction.UpdateNodeLabel, "NodeLabelChange")));
        Assert.Equal(1, queue.ActiveCount);
        Assert.Equal("needs-label", await PopNameAsync(queue));
    }

    [Fact]
    public async Task Unschedulable_AnEventDuringTheAttempt_SendsThePodToBackoffInstead()
    {
        SchedulingQueue queue = NewQueue();
        queue.Add(Pod("a"));
        QueuedPod pod = (await queue.PopAsync(TestContext.Current.CancellationToken))!;
        queue.MoveAllToActiveOrBackoff(ClusterEvent.NodeAdd);
        pod.UnschedulablePlugins = ["NodeResourcesFit"];
        queue.AddUnschedulable(pod);
        Assert.Equal((0, 1), (queue.UnschedulableCount, queue.BackoffCount));
    }

    [Fact]
    public async Task Unschedulable_FlushedAfterFiveMinutesWithoutAnEvent()
    {
        SchedulingQueue queue = NewQueue();
        queue.Add(Pod("a"));
        QueuedPod pod = (await queue.PopAsync(TestContext.Current.CancellationToken))!;
        pod.UnschedulablePlugins = ["NodeAffinity"];
        queue.AddUnschedulable(pod);

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, queue.FlushUnschedulableLeftover());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.FlushUnschedulableLeftover());
        Assert.Equal(1, queue.ActiveCount);
    }

    [Fact]
    public async Task RunAsync_FlushesOnTheFakeClock()
    {
        SchedulingQueue queue = NewQueue();
        queue.Add(Pod("a"));
        QueuedPod pod = (await queue.PopAsync(TestContext.Current.CancellationToken))!;
        queue.AddBackoff(pod);
        using var stop = new CancellationTokenSource();
        Task running = queue.RunAsync(stop.Token);
        Task<QueuedPod?> next = queue.PopAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("a", (await next.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken))?.Pod.Metadata.Name);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Update_StatusOnlyChangeKeepsThePodUnschedulable_SpecChangeMovesIt()
    {
        SchedulingQueue queue = NewQueue();
        Pod original = Pod("a");
        queue.Add(original);
        QueuedPod pod = (await queue.PopAsync(TestContext.Current.CancellationToken))!;
        pod.UnschedulablePlugins = ["NodeResourcesFit"];
        queue.AddUnschedulable(pod);

        Pod statusOnly = Pod("a");
        statusOnly.Status.Conditions = [new PodCondition { Type = "PodScheduled", Status = "False", Reason = "Unschedulable" }];
        queue.Update(statusOnly);
        Assert.Equal(1, queue.UnschedulableCount);

        Pod smaller = Pod("a");
        smaller.Spec.Containers[0].Image = "registry.example/app:2";
        queue.Update(smaller);
        Assert.Equal((0, 1), (queue.UnschedulableCount, queue.BackoffCount));
    }

    [Fact]
    public async Task Update_InActiveQueue_ReordersByTheNewPriority()
    {
        SchedulingQueue queue = NewQueue();
        queue.Add(Pod("a", 5));
        queue.Add(Pod("b", 1));
        queue.Update(Pod("b", 9));
        Assert.Equal("b", await PopNameAsync(queue));
    }

    [Fact]
    public async Task Delete_RemovesFromEveryPlace_AndADeletedInFlightPodIsNotRequeued()
    {
        SchedulingQueue queue = NewQueue();
        queue.Add(Pod("active"));
        queue.Add(Pod("flying"));
        QueuedPod flying = (await queue.PopAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("active", flying.Pod.Metadata.Name);
        queue.Delete(Pod("active"));
        queue.AddUnschedulable(flying);
        Assert.Equal(0, queue.UnschedulableCount);
        Assert.Equal(1, queue.ActiveCount);
        queue.Delete(Pod("flying"));
        Assert.Empty(queue.PendingPods());
    }

    [Fact]
    public async Task Update_WhileInFlight_IsAppliedWhenThePodComesBack()
    {
        SchedulingQueue queue = NewQueue();
        queue.Add(Pod("a"));
        QueuedPod pod = (await queue.PopAsync(TestContext.Current.CancellationToken))!;
        Pod changed = Pod("a");
        changed.Metadata.Labels = new Dictionary<string, string> { ["tier"] = "web" };
        queue.Update(changed);
        Assert.Equal(0, queue.ActiveCount);
        pod.UnschedulablePlugins = ["NodeAffinity"];
        queue.AddUnschedulable(pod);
        Assert.Same(changed, pod.Pod);
        Assert.Equal((0, 1), (queue.UnschedulableCount, queue.BackoffCount));
    }

    [Fact]
    public void Nominator_TracksStatusAndOwnNominations()
    {
        SchedulingQueue queue = NewQueue();
        Pod fromStatus = Pod("s");
        fromStatus.Status.NominatedNodeName = "n1";
        queue.Add(fromStatus);
        queue.Nominator.Add(Pod("ours"), "n1");
        Assert.Equal(["s", "ours"], queue.Nominator.NominatedPodsForNode("n1").Select(p => p.Metadata.Name!).ToArray());
        queue.Delete(fromStatus);
        Assert.Equal("n1", queue.Nominator.NominatedNodeOf("ns/ours"));
        Assert.Single(queue.Nominator.NominatedPodsForNode("n1"));
    }

    [Fact]
    public void NominatorView_IsOneImmutableSet_ReusedUntilANominationChanges()
    {
        SchedulingQueue queue = NewQueue();
        Assert.Same(NominatedPods.Empty, queue.Nominator.View());
        queue.Nominator.Add(Pod("a", priority: 7), "n1");
        queue.Nominator.Add(Pod("b"), "n2");

        NominatedPods view = queue.Nominator.View();
        Assert.Same(view, queue.Nominator.View());
        Assert.Equal(["n1", "n2"], view.NodeNames.Order(StringComparer.Ordinal));
        Assert.Equal(7, Assert.Single(view.NominatedPodsForNode("n1")).Priority);

        queue.Nominator.Add(Pod("b"), "n1");
        NominatedPods moved = queue.Nominator.View();
        Assert.NotSame(view, moved);
        Assert.Equal(["a", "b"], moved.NominatedPodsForNode("n1").Select(p => p.Name));
        Assert.Equal(["n1", "n2"], view.NodeNames.Order(StringComparer.Ordinal));
        queue.Nominator.Delete("ns/a");
        queue.Nominator.Delete("ns/b");
        Assert.Empty(queue.Nominator.View().NodeNames);
    }

    [Fact]
    public void PluginEvents_UnknownPluginsAndEmptySets_AreHelpedByAnyEvent()
    {
        Assert.True(PluginEvents.Default.CanHelp([], ClusterEvent.AssignedPodAdd));
        Assert.True(PluginEvents.Default.CanHelp(["SomeOutOfTreePlugin"], ClusterEvent.AssignedPodAdd));
        Assert.False(PluginEvents.Default.CanHelp(["NodeResourcesFit", "NodeAffinity"], ClusterEvent.AssignedPodAdd));
        Assert.True(PluginEvents.Default.CanHelp(["NodeResourcesFit", "InterPodAffinity"], ClusterEvent.AssignedPodAdd));
    }
}
