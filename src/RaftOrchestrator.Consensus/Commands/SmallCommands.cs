using MessagePack;

namespace RaftOrchestrator.Consensus.Commands;

/// <summary>
/// Payloads of the commands other than <see cref="CommandType.Txn"/>, format version <see cref="FormatVersion"/>,
/// MessagePack arrays whose positions are the wire contract:
/// <code>
///   Compact          [revision]
///   LeaseGrant       [id, ttlSeconds]
///   LeaseRevoke      [id]
///   LeaseCheckpoint  [[id, remainingTtlSeconds], ...]
///   MemberAttributes [memberId, name, peerUrl, [clientUrl, ...]]
///   MemberForget     [memberId]
/// </code>
/// </summary>
public static class SmallCommands
{
    public const byte FormatVersion = 1;

    public static EncodedCommand Compact(long revision) =>
        Command(CommandType.Compact, PayloadCodec.Write(1, (ref MessagePackWriter w) => w.Write(revision)));

    public static EncodedCommand LeaseGrant(long id, long ttlSeconds) =>
        Command(CommandType.LeaseGrant, PayloadCodec.Write(2, (ref MessagePackWriter w) =>
        {
            w.Write(id);
            w.Write(ttlSeconds);
        }));

    public static EncodedCommand LeaseRevoke(long id) =>
        Command(CommandType.LeaseRevoke, PayloadCodec.Write(1, (ref MessagePackWriter w) => w.Write(id)));

    /// <summary>A checkpoint is a hint (a replica that does not know it loses nothing), so it may be skipped.</summary>
    public static EncodedCommand LeaseCheckpoint(IReadOnlyList<LeaseRemaining> leases)
    {
        ArgumentNullException.ThrowIfNull(leases);
        byte[] payload = PayloadCodec.Write(1, (ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(leases.Count);
            foreach (LeaseRemaining lease in leases)
            {
                w.WriteArrayHeader(2);
                w.Write(lease.Id);
                w.Write(lease.RemainingSeconds);
            }
        });
        return new EncodedCommand((byte)((byte)CommandType.LeaseCheckpoint | CommandTypes.IgnoreIfUnknown), FormatVersion, payload);
    }

    public static EncodedCommand MemberAttributes(MemberAttributes member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Command(CommandType.MemberAttributes, PayloadCodec.Write(4, (ref MessagePackWriter w) =>
        {
            w.Write(member.MemberId);
            w.Write(member.Name);
            w.Write(member.PeerUrl);
            w.WriteArrayHeader(member.ClientUrls.Count);
            foreach (string url in member.ClientUrls)
            {
                w.Write(url);
            }
        }));
    }

    public static EncodedCommand MemberForget(ulong memberId) =>
        Command(CommandType.MemberForget, PayloadCodec.Write(1, (ref MessagePackWriter w) => w.Write(memberId)));

    public static long DecodeCompact(ReadOnlyMemory<byte> payload) =>
        PayloadCodec.Read(payload, 1, "compact", (ref MessagePackReader r) => r.ReadInt64());

    public static (long Id, long TtlSeconds) DecodeLeaseGrant(ReadOnlyMemory<byte> payload) =>
        PayloadCodec.Read(payload, 2, "lease grant", (ref MessagePackReader r) => (r.ReadInt64(), r.ReadInt64()));

    public static long DecodeLeaseRevoke(ReadOnlyMemory<byte> payload) =>
        PayloadCodec.Read(payload, 1, "lease revoke", (ref MessagePackReader r) => r.ReadInt64());

    public static LeaseRemaining[] DecodeLeaseCheckpoint(ReadOnlyMemory<byte> payload) =>
        PayloadCodec.Read(payload, 1, "lease checkpoint", (ref MessagePackReader r) =>
        {
            var leases = new LeaseRemaining[r.ReadArrayHeader()];
            for (int i = 0; i < leases.Length; i++)
            {
                if (r.ReadArrayHeader() != 2)
                {
                    throw new InvalidDataException("Malformed lease checkpoint entry.");
                }
                leases[i] = new LeaseRemaining(r.ReadInt64(), r.ReadInt64());
            }
            return leases;
        });

    public static MemberAttributes DecodeMemberAttributes(ReadOnlyMemory<byte> payload) =>
        PayloadCodec.Read(payload, 4, "member attributes", (ref MessagePackReader r) =>
        {
            ulong id = r.ReadUInt64();
            string name = r.ReadString() ?? "";
            string peer = r.ReadString() ?? "";
            var urls = new string[r.ReadArrayHeader()];
            for (int i = 0; i < urls.Length; i++)
            {
                urls[i] = r.ReadString() ?? "";
            }
            return new MemberAttributes(id, name, peer, urls);
        });

    public static ulong DecodeMemberForget(ReadOnlyMemory<byte> payload) =>
        PayloadCodec.Read(payload, 1, "member forget", (ref MessagePackReader r) => r.ReadUInt64());

    private static EncodedCommand Command(CommandType type, byte[] payload) => new((byte)type, FormatVersion, payload);
}
