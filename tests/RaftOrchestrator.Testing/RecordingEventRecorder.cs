using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;

namespace RaftOrchestrator.Testing;

/// <summary>
/// An <see cref="IEventRecorder"/> for controller unit tests: keeps every call, in order, with no aggregation, spam
/// filtering or writes. Thread-safe.
/// </summary>
public sealed class RecordingEventRecorder : IEventRecorder
{
    private readonly List<RecordedEvent> _events = [];

    /// <summary>A snapshot of the events recorded so far.</summary>
    public IReadOnlyList<RecordedEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Record(IKubernetesObject involved, string type, string reason, string message)
    {
        ArgumentNullException.ThrowIfNull(involved);
        var recorded = new RecordedEvent(involved.Kind, ObjectKey.Of(involved), type, reason, message);
        lock (_events)
        {
            _events.Add(recorded);
        }
    }

    /// <summary>The events with this reason, in order.</summary>
    public IReadOnlyList<RecordedEvent> WithReason(string reason) => [.. Events.Where(e => e.Reason == reason)];

    public void Clear()
    {
        lock (_events)
        {
            _events.Clear();
        }
    }
}
