using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.Events;

public sealed class RecordingEventRecorderTests
{
    [Fact]
    public void Record_KeepsEveryCallInOrder()
    {
        var recorder = new RecordingEventRecorder();
        var pod = new Pod { Kind = "Pod", Metadata = new ObjectMeta { Namespace = "apps", Name = "web-1" } };
        recorder.Record(pod, EventTypes.Normal, "Pulled", "one");
        recorder.Record(pod, EventTypes.Normal, "Pulled", "one");
        recorder.Record(pod, EventTypes.Warning, "BackOff", "two");

        Assert.Equal(["Normal Pulled one", "Normal Pulled one", "Warning BackOff two"], recorder.Events.Select(e => e.ToString()));
        Assert.Equal(new ObjectKey("apps", "web-1"), recorder.WithReason("BackOff").Single().Involved);
        recorder.Clear();
        Assert.Empty(recorder.Events);
    }
}
