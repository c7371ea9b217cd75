using System.Globalization;
using System.Numerics;

namespace RaftOrchestrator.Agent.Fleet;

/// <summary>
/// One simulated node: its name, addresses and the pod IPs in use on it. Node i (its index in the fleet's range)
/// has pod CIDR 10.(i/256).(i%256).0/24 and internal IP 172.16.(i/256).(i%256), so every pod IP of the fleet is
/// unique while its pod lives.
/// </summary>
/// <remarks>The slot bitmap and <see cref="Uid"/> are guarded by the fleet's lock; the rest is fixed at construction.</remarks>
internal sealed class FleetNode
{
    /// <summary>Bit s set: pod IP .s is taken. Bits 0 and 255 are never handed out.</summary>
    private readonly ulong[] _slots = new ulong[4];

    /// <summary>"10.a.b.": the pod IPs' common part.</summary>
    private readonly string _podNet;

    public FleetNode(int ordinal, int index, string name, string zone)
    {
        Ordinal = ordinal;
        Index = index;
        Name = name;
        Zone = zone;
        string net = string.Create(CultureInfo.InvariantCulture, $"{index >> 8}.{index & 255}");
        PodCidr = $"10.{net}.0/24";
        InternalIp = $"172.16.{net}";
        _podNet = $"10.{net}.";
        _slots[0] = 1;
        _slots[3] = 1UL << 63;
    }

    /// <summary>Position in the fleet (0-based), for arrays indexed by node.</summary>
    public int Ordinal { get; }

    /// <summary>The number in the node's name and addresses.</summary>
    public int Index { get; }

    public string Name { get; }

    /// <summary>Empty when the fleet spreads no zones.</summary>
    public string Zone { get; }

    public string PodCidr { get; }

    public string InternalIp { get; }

    /// <summary>The registered Node's uid (the Lease's owner reference); null until registered.</summary>
    public string? Uid { get; set; }

    /// <summary>The lowest free pod IP slot (1-254), or 0 when every one is taken.</summary>
    public int TakeSlot()
    {
        for (int word = 0; word < _slots.Length; word++)
        {
            ulong free = ~_slots[word];
            if (free != 0)
            {
                int bit = BitOperations.TrailingZeroCount(free);
                _slots[word] |= 1UL << bit;
                return (word * 64) + bit;
            }
        }
        return 0;
    }

    /// <summary>Marks a slot taken (a pod adopted with its IP); false when it already was.</summary>
    public bool TryTakeSlot(int slot)
    {
        if (slot is < 1 or > 254 || (_slots[slot >> 6] & (1UL << (slot & 63))) != 0)
        {
            return false;
        }
        _slots[slot >> 6] |= 1UL << (slot & 63);
        return true;
    }

    public void ReleaseSlot(int slot)
    {
        if (slot is >= 1 and <= 254)
        {
            _slots[slot >> 6] &= ~(1UL << (slot & 63));
        }
    }

    public string PodIp(int slot) => _podNet + slot.ToString(CultureInfo.InvariantCulture);

    /// <summary>The slot of <paramref name="ip"/> when it is in this node's /24, else 0.</summary>
    public int SlotOf(string? ip) =>
        ip is not null && ip.StartsWith(_podNet, StringComparison.Ordinal)
        && int.TryParse(ip.AsSpan(_podNet.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int slot) && slot is >= 1 and <= 254
            ? slot
            : 0;
}
