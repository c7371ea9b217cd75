using System.Buffers;
using RaftOrchestrator.Agent.Logs;

namespace RaftOrchestrator.Agent.Process;

/// <summary>
/// An exec's output kept in memory, at most <c>limit</c> bytes of each stream; the rest is read and dropped so the
/// command never blocks on a full pipe. Read the results only after the child's exit has completed.
/// </summary>
internal sealed class BoundedOutputCapture(int limit) : IProcessOutputSink
{
    private readonly ArrayBufferWriter<byte> _stdout = new();
    private readonly ArrayBufferWriter<byte> _stderr = new();

    public byte[] Stdout => _stdout.WrittenSpan.ToArray();

    public byte[] Stderr => _stderr.WrittenSpan.ToArray();

    public void Write(LogStreamType stream, ReadOnlySpan<byte> output)
    {
        ArrayBufferWriter<byte> kept = stream == LogStreamType.Stdout ? _stdout : _stderr;
        int room = limit - kept.WrittenCount;
        if (room > 0)
        {
            kept.Write(output[..Math.Min(room, output.Length)]);
        }
    }

    public void Complete(LogStreamType stream)
    {
    }
}
