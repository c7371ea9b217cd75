using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace RaftOrchestrator.Consensus.StateMachine;

/// <summary>
/// The front of a replica snapshot file; the store's own snapshot (self-verifying) follows it.
/// <code>
///   [0..8)    magic "RORSNAP1"
///   [8..10)   format version, u16 little-endian
///   [10..18)  log index the snapshot replaces entries up to, i64 LE
///   [18..26)  term of that entry, i64 LE
///   [26..30)  length L of the cluster state, u32 LE
///   [30..30+L) the cluster state (<see cref="ClusterState"/>'s encoding)
///   then 8 bytes: XxHash3 of bytes [0 .. 30+L)
/// </code>
/// </summary>
internal static class SnapshotHeader
{
    public const ushort Version = 1;

    private const int FixedSize = 30;

    private static ReadOnlySpan<byte> Magic => "RORSNAP1"u8;

    public static byte[] Encode(long index, long term, ClusterState state)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        buffer.Advance(FixedSize);
        state.Encode(buffer);
        int stateLength = buffer.WrittenCount - FixedSize;
        byte[] bytes = new byte[buffer.WrittenCount + 8];
        buffer.WrittenSpan.CopyTo(bytes);
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), Version);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(10), index);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(18), term);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(26), stateLength);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8), XxHash3.HashToUInt64(bytes.AsSpan(0, bytes.Length - 8)));
        return bytes;
    }

    /// <summary>Reads and verifies the header, leaving <paramref name="source"/> at the store snapshot.</summary>
    public static (long Index, long Term, ClusterState State) Read(Stream source)
    {
        byte[] fixedPart = new byte[FixedSize];
        source.ReadExactly(fixedPart);
        if (!fixedPart.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a RaftOrchestrator replica snapshot.");
        }
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart.AsSpan(8));
        if (version != Version)
        {
            throw new InvalidDataException($"Replica snapshot format {version} is not supported (this build reads {Version}).");
        }
        long index = BinaryPrimitives.ReadInt64LittleEndian(fixedPart.AsSpan(10));
        long term = BinaryPrimitives.ReadInt64LittleEndian(fixedPart.AsSpan(18));
        int stateLength = BinaryPrimitives.ReadInt32LittleEndian(fixedPart.AsSpan(26));
        if (index < 0 || term < 0 || stateLength < 0 || stateLength > 1 << 30)
        {
            throw new InvalidDataException($"Replica snapshot header is damaged (index {index}, term {term}, state {stateLength} bytes).");
        }
        byte[] rest = new byte[stateLength + 8];
        source.ReadExactly(rest);
        var hash = new XxHash3();
        hash.Append(fixedPart);
        hash.Append(rest.AsSpan(0, stateLength));
        if (hash.GetCurrentHashAsUInt64() != BinaryPrimitives.ReadUInt64LittleEndian(rest.AsSpan(stateLength)))
        {
            throw new InvalidDataException("Replica snapshot header: checksum mismatch.");
        }
        return (index, term, ClusterState.Decode(rest.AsMemory(0, stateLength)));
    }
}
