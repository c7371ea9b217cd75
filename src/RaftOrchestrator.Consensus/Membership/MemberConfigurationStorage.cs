using System.Buffers.Binary;
using System.Net;
using System.Text;
using DotNext.Buffers;
using DotNext.Net.Cluster.Consensus.Raft.Membership;

namespace RaftOrchestrator.Consensus.Membership;

/// <summary>
/// The cluster configuration (the members' peer endpoints) in a file of the data directory, fsynced and
/// replaced atomically by DotNext, so a member that restarts knows its cluster. An endpoint is stored as a
/// u16 little-endian length and the UTF-8 text "host:port".
/// </summary>
internal sealed class MemberConfigurationStorage(string fileName) : PersistentClusterConfigurationStorage<EndPoint>(fileName)
{
    protected override void Encode(EndPoint address, ref BufferWriterSlim<byte> writer)
    {
        byte[] text = Encoding.UTF8.GetBytes(MemberIds.Format(address));
        Span<byte> length = writer.GetSpan(2);
        BinaryPrimitives.WriteUInt16LittleEndian(length, checked((ushort)text.Length));
        writer.Advance(2);
        writer.Write(text);
    }

    protected override EndPoint Decode(ref SequenceReader reader)
    {
        int length = reader.ReadLittleEndian<ushort>();
        byte[] text = new byte[length];
        reader.Read(text);
        return MemberIds.Parse(Encoding.UTF8.GetString(text));
    }
}
