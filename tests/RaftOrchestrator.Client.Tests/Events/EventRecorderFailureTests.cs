using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Client.Tests.Leader;

namespace RaftOrchestrator.Client.Tests.Events;

public sealed class EventRecorderFailureTests
{
    private static readonly Pod s_web = new() { Metadata = new ObjectMeta { Namespace = "apps", Name = "web-1", Uid = "u1" } };

    [Fact]
    public async Task Record_QueueFullBecauseWritesHang_DropsAndCountsWithoutBlocking()
    {
        FaultyClusterClient? faulty = null;
        var options = new EventRecorderOptions { Component = "c", QueueCapacity = 10, ShutdownTimeout = TimeSpan.FromSeconds(5) };
        var fixture = new EventRecorderFixture(options, store => faulty = new FaultyClusterClient(store, store.Time));
        // Each call takes an hour of fake time: the writer holds at most one event, the queue ten.
        faulty!.Faults.Latency = TimeSpan.FromHours(1);

        Task recording = Task.Run(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                fixture.Recorder.Record(s_web, EventTypes.Normal, $"R{i}", "m");
            }
        }, TestContext.Current.CancellationToken);
        await recording.WaitAsync(EventRecorderFixture.WaitLimit, TestContext.Current.CancellationToken);

        Assert.InRange(fixture.Recorder.Dropped, 39, 40);
        Task disposing = fixture.Recorder.DisposeAsync().AsTask();
        await EventRecorderFixture.UntilAsync(() => disposing.IsCompleted, "disposal gives up on the hung write", () => fixture.Time.Advance(TimeSpan.FromSeconds(1)));
        await disposing;
        Assert.Empty(fixture.Events("apps"));
        long dropped = fixture.Recorder.Dropped;
        fixture.Recorder.Record(s_web, EventTypes.Normal, "AfterDispose", "m");
        Assert.Equal(dropped + 1, fixture.Recorder.Dropped);
    }

    [Fact]
    public async Task Record_ServerUnavailableForAWhile_RetriesUntilWritten()
    {
        FaultyClusterClient? faulty = null;
        await using var fixture = new EventRecorderFixture(null, store => faulty = new FaultyClusterClient(store, store.Time));
        faulty!.Faults.DownUntil = fixture.Time.GetUtcNow() + TimeSpan.FromSeconds(25);
        fixture.Recorder.Record(s_web, EventTypes.Normal, "Started", "m");

        await EventRecorderFixture.UntilAsync(() => fixture.Events("apps").Count == 1, "the event is written", () => fixture.Time.Advance(TimeSpan.FromSeconds(1)));
        Assert.Equal("Started", fixture.Events("apps")[0].Reason);
    }

    [Fact]
    public async Task Record_RepeatOfAnEventDeletedMeanwhile_IsCreatedAgainWithItsCount()
    {
        await using var fixture = new EventRecorderFixture();
        fixture.Recorder.Record(s_web, EventTypes.Normal, "Pulled", "m");
        await EventRecorderFixture.UntilAsync(() => fixture.Events("apps").Count == 1, "the first write");
        string name = fixture.Events("apps")[0].Metadata.Name!;
        await fixture.Store.Resource<Event>().DeleteAsync("apps", name, cancellationToken: TestContext.Current.CancellationToken);

        fixture.Recorder.Record(s_web, EventTypes.Normal, "Pulled", "m");

        Event again = Assert.Single(await fixture.FlushAsync("apps"));
        Assert.Equal((name, 2), (again.Metadata.Name, again.Count));
    }

    [Fact]
    public async Task DisposeAsync_WritesWhatIsQueued()
    {
        var fixture = new EventRecorderFixture();
        for (int i = 0; i < 20; i++)
        {
            fixture.Recorder.Record(s_web, EventTypes.Normal, $"R{i}", "m");
        }

        Assert.Equal(20, (await fixture.FlushAsync("apps")).Count);
        Assert.Equal(0, fixture.Recorder.Dropped);
    }
}
