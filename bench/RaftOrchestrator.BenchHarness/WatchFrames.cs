using System.Buffers;
using System.Buffers.Binary;

namespace RaftOrchestrator.BenchHarness;

/// <summary>
/// Splits a watch stream into its events. JSON: one document per line. MessagePack
/// (application/vnd.raftorchestrator.msgpack): frames of a 4-byte big-endian length and then the frame itself.
/// Each method takes one whole event off the front of the buffer, or answers false (the buffer
/// untouched) when the event is not complete yet.
/// </summary>
public static class WatchFrames
{
    public static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        SequencePosition? end = buffer.PositionOf((byte)'\n');
        if (end is null)
        {
            line = default;
            return false;
        }
        line = buffer.Slice(0, end.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
        return true;
    }

    public static bool TryTakeMessagePack(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < 4)
        {
            return false;
        }
        Span<byte> header = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(header);
        int length = BinaryPrimitives.ReadInt32BigEndian(header);
        if (buffer.Length < 4 + length)
        {
            return false;
        }
        frame = buffer.Slice(4, length);
        buffer = buffer.Slice(4 + length);
        return true;
    }
}
