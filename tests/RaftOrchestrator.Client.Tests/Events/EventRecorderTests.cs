using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.Events;

public sealed class EventRecorderTests
{
    private static Pod Web(string name = "web-1") => new()
    {
        Metadata = new ObjectMeta { Namespace = "apps", Name = name, Uid = $"uid-{name}", ResourceVersion = "42" },
    };

    [Fact]
    public async Task Record_OneEvent_IsWrittenAsKubernetesWritesIt()
    {
        await using var fixture = new EventRecorderFixture();
        fixture.Recorder.Record(Web(), EventTypes.Warning, "FailedCreate", "quota exceeded");

        Event written = Assert.Single(await fixture.FlushAsync("apps"));
        Assert.StartsWith("web-1.", written.Metadata.Name, StringComparison.Ordinal);
        long nanos = Convert.ToInt64(written.Metadata.Name!["web-1.".Length..], 16);
        Assert.Equal((TestClock.Start.UtcTicks - DateTime.UnixEpoch.Ticks) * 100, nanos);
        ObjectReference involved = written.InvolvedObject;
        Assert.Equal(("Pod", "v1", "apps", "web-1", "uid-web-1", "42"),
            (involved.Kind, involved.ApiVersion, involved.Namespace, involved.Name, involved.Uid, involved.ResourceVersion));
        Assert.Equal(("Warning", "FailedCreate", "quota exceeded"), (written.Type, written.Reason, written.Message));
        Assert.Equal(("test-controller", "host-1"), (written.Source?.Component, written.Source?.Host));
        Assert.Equal(("test-controller", "host-1"), (written.ReportingComponent, written.ReportingInstance));
        Assert.Equal(1, written.Count);
        Assert.Equal(TestClock.Start.UtcDateTime, written.FirstTimestamp);
        Assert.Equal(TestClock.Start.UtcDateTime, written.LastTimestamp);
        Assert.Null(written.EventTime);
    }

    [Fact]
    public async Task Record_WrittenEvent_ReadsInKubectlsTable()
    {
        await using var fixture = new EventRecorderFixture();
        fixture.Recorder.Record(Web(), EventTypes.Normal, "Scheduled", "assigned apps/web-1 to node-1");
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        fixture.Recorder.Record(Web(), EventTypes.Normal, "Scheduled", "assigned apps/web-1 to node-1");

        Event written = Assert.Single(await fixture.FlushAsync("apps"));
        var cells = new List<object?>();
        new EventResourceStrategy().TableRow(written, fixture.Time.GetUtcNow().UtcDateTime.AddMinutes(2), cells);
        // Last Seen, Type, Reason, Object, Subobject, Source, Message, First Seen, Count, Name
        Assert.Equal(["2m", "Normal", "Scheduled", "pod/web-1", "", "test-controller, host-1", "assigned apps/web-1 to node-1", "2m30s", 2, written.Metadata.Name], cells);
    }

    [Fact]
    public async Task Record_ClusterScopedObject_GoesToTheDefaultNamespace()
    {
        await using var fixture = new EventRecorderFixture();
        fixture.Recorder.Record(new Node { Metadata = new ObjectMeta { Name = "node-1", Uid = "n1" } }, EventTypes.Normal, "NodeReady", "ready");

        Event written = Assert.Single(await fixture.FlushAsync("default"));
        Assert.Equal(("Node", "v1", null, "node-1"), (written.InvolvedObject.Kind, written.InvolvedObject.ApiVersion, written.InvolvedObject.Namespace, written.InvolvedObject.Name));
    }

    [Fact]
    public async Task Record_SameEventWithinTheWindow_CountsUpOneEvent()
    {
        await using var fixture = new EventRecorderFixture();
        for (int i = 0; i < 3; i++)
        {
            fixture.Recorder.Record(Web(), EventTypes.Normal, "Pulled", "image pulled");
            fixture.Time.Advance(TimeSpan.FromMinutes(4));
        }

        Event written = Assert.Single(await fixture.FlushAsync("apps"));
        Assert.Equal(3, written.Count);
        Assert.Equal(TestClock.Start.UtcDateTime, written.FirstTimestamp);
        Assert.Equal(TestClock.Start.UtcDateTime.AddMinutes(8), written.LastTimestamp);
        Assert.Single(fixture.Store.Writes(InMemoryVerb.Create, "events"));
        Assert.Equal(2, fixture.Store.Writes(InMemoryVerb.Patch, "events").Count);
    }

    [Fact]
    public async Task Record_SameEventAfterAQuietWindow_CreatesANewEvent()
    {
        await using var fixture = new EventRecorderFixture();
        fixture.Recorder.Record(Web(), EventTypes.Normal, "Pulled", "image pulled");
        fixture.Time.Advance(TimeSpan.FromMinutes(11));
        fixture.Recorder.Record(Web(), EventTypes.Normal, "Pulled", "image pulled");

        IReadOnlyList<Event> events = await fixture.FlushAsync("apps");
        Assert.Equal([1, 1], events.Select(e => e.Count));
    }

    [Fact]
    public async Task Record_TenDistinctMessagesOfOneReason_CombinesFromTheTenth()
    {
        await using var fixture = new EventRecorderFixture();
        for (int i = 0; i < 12; i++)
        {
            fixture.Recorder.Record(Web(), EventTypes.Warning, "BackOff", $"attempt {i}");
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
        }

        IReadOnlyList<Event> events = await fixture.FlushAsync("apps");
        Assert.Equal(10, events.Count);
        Assert.Equal(9, events.Count(e => e.Count == 1 && !e.Message!.StartsWith('(')));
        Event combined = Assert.Single(events, e => e.Message!.StartsWith(EventCorrelator.CombinedPrefix, StringComparison.Ordinal));
        Assert.Equal(EventCorrelator.CombinedPrefix + "attempt 11", combined.Message);
        Assert.Equal(3, combined.Count);
        Assert.Equal(("Warning", "BackOff"), (combined.Type, combined.Reason));
    }

    [Fact]
    public async Task Record_ManyEventsAboutOneObject_AreCutOffAfterTheBurstUntilATokenRefills()
    {
        await using var fixture = new EventRecorderFixture();
        for (int i = 0; i < 30; i++)
        {
            fixture.Recorder.Record(Web(), EventTypes.Normal, $"Reason{i}", "m");
        }
        fixture.Recorder.Record(Web("web-2"), EventTypes.Normal, "Other", "another object has its own bucket");
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        fixture.Recorder.Record(Web(), EventTypes.Normal, "AfterRefill", "m");
        fixture.Recorder.Record(Web(), EventTypes.Normal, "StillEmpty", "m");

        IReadOnlyList<Event> events = await fixture.FlushAsync("apps");
        Assert.Equal(25, events.Count(e => e.InvolvedObject.Name == "web-1" && e.Reason!.StartsWith("Reason", StringComparison.Ordinal)));
        Assert.Contains(events, e => e.Reason == "Other");
        Assert.Contains(events, e => e.Reason == "AfterRefill");
        Assert.DoesNotContain(events, e => e.Reason == "StillEmpty");
    }

    [Fact]
    public async Task Record_ApiError_IsNotRetriedAndLaterEventsStillGoThrough()
    {
        await using var fixture = new EventRecorderFixture();
        fixture.Store.FailNext(InMemoryVerb.Create, new Status { Code = 422, Reason = "Invalid", Message = "injected" });
        fixture.Recorder.Record(Web(), EventTypes.Normal, "First", "refused");
        fixture.Recorder.Record(Web(), EventTypes.Normal, "Second", "written");

        Event written = Assert.Single(await fixture.FlushAsync("apps"));
        Assert.Equal("Second", written.Reason);
        Assert.Equal([422, 200], fixture.Store.Actions.Select(a => a.Code));
    }
}
