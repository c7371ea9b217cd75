namespace RaftOrchestrator.Chaos.Cluster.Net;

public enum LinkRuleKind
{
    /// <summary>No connection between the two ends: existing ones are reset, new ones refused (reset at accept).</summary>
    Cut,

    /// <summary>The link's bytes are discarded (in both connection directions: requests the source sends, replies it sends).</summary>
    Blackhole,

    /// <summary>Every chunk of the link is held back by a fixed delay plus a uniform jitter; order is kept.</summary>
    Delay,

    /// <summary>Chunks are "lost" with a probability; see <see cref="DropMode"/> for what that means on TCP.</summary>
    Drop,
}
