namespace RaftOrchestrator.Consensus.Hosting;

/// <summary>One member as etcd's MemberList shows it, plus what this replica knows of it.</summary>
public sealed record MemberInfo(
    ulong Id,
    string Name,
    string PeerUrl,
    IReadOnlyList<string> ClientUrls,
    bool IsLeader,
    bool IsSelf,
    bool IsReachable);
