using RaftOrchestrator.Client;

namespace RaftOrchestrator.Testing;

/// <summary>One call of <see cref="RecordingEventRecorder.Record"/>: the object it was about, and what was said.</summary>
public sealed record RecordedEvent(string? Kind, ObjectKey Involved, string Type, string Reason, string Message)
{
    /// <summary>"Type Reason Message", as kubectl describe lists them: handy in assertions.</summary>
    public override string ToString() => $"{Type} {Reason} {Message}";
}
