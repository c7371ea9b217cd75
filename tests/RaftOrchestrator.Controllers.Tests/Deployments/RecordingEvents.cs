using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Events;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

/// <summary>An event recorder that keeps what it is given, for assertions.</summary>
internal sealed class RecordingEvents : IEventRecorder
{
    private readonly Lock _gate = new();
    private readonly List<RecordedEvent> _events = [];

    public IReadOnlyList<RecordedEvent> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<string> Messages(string reason) => [.. All.Where(e => e.Reason == reason).Select(e => e.Message)];

    public void Clear()
    {
        lock (_gate)
        {
            _events.Clear();
        }
    }

    public void Record(IKubernetesObject involved, string type, string reason, string message)
    {
        lock (_gate)
        {
            _events.Add(new RecordedEvent(involved.Metadata.Name ?? "", type, reason, message));
        }
    }
}
