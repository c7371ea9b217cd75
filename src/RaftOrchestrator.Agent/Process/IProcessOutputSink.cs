using RaftOrchestrator.Agent.Logs;

namespace RaftOrchestrator.Agent.Process;

/// <summary>Where a child's output goes, called only by its pump thread: chunks as read, then one Complete per stream.</summary>
internal interface IProcessOutputSink
{
    void Write(LogStreamType stream, ReadOnlySpan<byte> output);

    void Complete(LogStreamType stream);
}
