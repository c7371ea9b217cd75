using RaftOrchestrator.Agent.Logs;

namespace RaftOrchestrator.Agent.Process;

/// <summary>A container's output into its CRI log file. The container's exit handler disposes the writer.</summary>
internal sealed class ContainerLogSink(CriLogWriter writer) : IProcessOutputSink
{
    public void Write(LogStreamType stream, ReadOnlySpan<byte> output) => writer.Write(stream, output);

    public void Complete(LogStreamType stream) => writer.Complete(stream);
}
