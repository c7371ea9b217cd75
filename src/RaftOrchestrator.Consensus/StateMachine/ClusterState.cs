using System.Buffers;
using MessagePack;
using RaftOrchestrator.Consensus.Commands;

namespace RaftOrchestrator.Consensus.StateMachine;

/// <summary>
/// The replicated state kept beside the store: the duplicate filter, the members' published attributes and
/// the last lease checkpoint. Owned by the applier; readers on other threads get copies
/// (<see cref="Members"/>) or go through the methods that say they are safe.
///
/// Snapshot encoding (MessagePack, positions are the contract):
/// <code>
///   [ [ [clientId, floor, lastIndex, [seq...]] ... ],      duplicate filter
///     [ [memberId, name, peerUrl, [clientUrl...]] ... ],   members
///     [ [leaseId, remainingSeconds] ... ] ]                lease checkpoint
/// </code>
/// </summary>
public sealed class ClusterState
{
    private readonly Dictionary<long, long> _leaseRemaining = [];
    private volatile IReadOnlyDictionary<ulong, MemberAttributes> _members = new Dictionary<ulong, MemberAttributes>();

    public DuplicateFilter Duplicates { get; } = new();

    /// <summary>The published attributes of every member, by member id. Safe from any thread (copy-on-write).</summary>
    public IReadOnlyDictionary<ulong, MemberAttributes> Members => _members;

    /// <summary>A lease's remaining TTL at the last checkpoint, if it had one (applier thread, or a leader promoting).</summary>
    public bool TryGetCheckpoint(long leaseId, out long remainingSeconds)
    {
        lock (_leaseRemaining)
        {
            return _leaseRemaining.TryGetValue(leaseId, out remainingSeconds);
        }
    }

    public void Checkpoint(IEnumerable<LeaseRemaining> leases)
    {
        ArgumentNullException.ThrowIfNull(leases);
        lock (_leaseRemaining)
        {
            foreach (LeaseRemaining lease in leases)
            {
                _leaseRemaining[lease.Id] = lease.RemainingSeconds;
            }
        }
    }

    public void ForgetLease(long leaseId)
    {
        lock (_leaseRemaining)
        {
            _leaseRemaining.Remove(leaseId);
        }
    }

    public void SetMember(MemberAttributes member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var copy = new Dictionary<ulong, MemberAttributes>(_members) { [member.MemberId] = member };
        _members = copy;
    }

    public void ForgetMember(ulong memberId)
    {
        var copy = new Dictionary<ulong, MemberAttributes>(_members);
        if (copy.Remove(memberId))
        {
            _members = copy;
        }
    }

    public void Encode(IBufferWriter<byte> output)
    {
        var w = new MessagePackWriter(output);
        w.WriteArrayHeader(3);
        List<DuplicateFilterEntry> clients = [.. Duplicates.Entries];
        w.WriteArrayHeader(clients.Count);
        foreach (DuplicateFilterEntry c in clients)
        {
            w.WriteArrayHeader(4);
            w.Write(c.ClientId);
            w.Write(c.Floor);
            w.Write(c.LastIndex);
            w.WriteArrayHeader(c.Applied.Length);
            foreach (ulong seq in c.Applied)
            {
                w.Write(seq);
            }
        }
        IReadOnlyDictionary<ulong, MemberAttributes> members = _members;
        w.WriteArrayHeader(members.Count);
        foreach (MemberAttributes m in members.Values.OrderBy(m => m.MemberId))
        {
            w.WriteArrayHeader(4);
            w.Write(m.MemberId);
            w.Write(m.Name);
            w.Write(m.PeerUrl);
            w.WriteArrayHeader(m.ClientUrls.Count);
            foreach (string url in m.ClientUrls)
            {
                w.Write(url);
            }
        }
        lock (_leaseRemaining)
        {
            w.WriteArrayHeader(_leaseRemaining.Count);
            foreach ((long id, long remaining) in _leaseRemaining.OrderBy(l => l.Key))
            {
                w.WriteArrayHeader(2);
                w.Write(id);
                w.Write(remaining);
            }
        }
        w.Flush();
    }

    /// <summary>Decodes a state written by <see cref="Encode"/>; a malformed one is <see cref="InvalidDataException"/>.</summary>
    public static ClusterState Decode(ReadOnlyMemory<byte> encoded)
    {
        var state = new ClusterState();
        try
        {
            var r = new MessagePackReader(encoded);
            Expect(r.ReadArrayHeader(), 3);
            for (int i = r.ReadArrayHeader(); i > 0; i--)
            {
                Expect(r.ReadArrayHeader(), 4);
                ulong client = r.ReadUInt64(), floor = r.ReadUInt64();
                long last = r.ReadInt64();
                var applied = new ulong[r.ReadArrayHeader()];
                for (int j = 0; j < applied.Length; j++)
                {
                    applied[j] = r.ReadUInt64();
                }
                state.Duplicates.Restore(new DuplicateFilterEntry(client, floor, last, applied));
            }
            var members = new Dictionary<ulong, MemberAttributes>();
            for (int i = r.ReadArrayHeader(); i > 0; i--)
            {
                Expect(r.ReadArrayHeader(), 4);
                ulong id = r.ReadUInt64();
                string name = r.ReadString() ?? "", peer = r.ReadString() ?? "";
                var urls = new string[r.ReadArrayHeader()];
                for (int j = 0; j < urls.Length; j++)
                {
                    urls[j] = r.ReadString() ?? "";
                }
                members[id] = new MemberAttributes(id, name, peer, urls);
            }
            state._members = members;
            for (int i = r.ReadArrayHeader(); i > 0; i--)
            {
                Expect(r.ReadArrayHeader(), 2);
                state._leaseRemaining[r.ReadInt64()] = r.ReadInt64();
            }
            return state;
        }
        catch (MessagePackSerializationException e)
        {
            throw new InvalidDataException("Malformed cluster state in snapshot.", e);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("Truncated cluster state in snapshot.", e);
        }
    }

    private static void Expect(int actual, int expected)
    {
        if (actual != expected)
        {
            throw new InvalidDataException($"Malformed cluster state: {actual} fields where {expected} were expected.");
        }
    }
}
