using System.Buffers;

namespace RaftOrchestrator.Storage.Snapshots;

/// <summary>Encodes snapshot fields into a buffer (see <see cref="SnapshotFormat"/>).</summary>
internal static class SnapshotEncoder
{
    public static void WriteVarint(ArrayBufferWriter<byte> buffer, ulong value)
    {
        Span<byte> span = buffer.GetSpan(10);
        int i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        buffer.Advance(i);
    }

    public static void WriteVarint(ArrayBufferWriter<byte> buffer, long value) => WriteVarint(buffer, (ulong)value);

    public static void WriteBytes(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        WriteVarint(buffer, (ulong)bytes.Length);
        buffer.Write(bytes);
    }

    public static void WriteByte(ArrayBufferWriter<byte> buffer, byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }
}
