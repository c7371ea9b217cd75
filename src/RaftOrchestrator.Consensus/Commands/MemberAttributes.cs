namespace RaftOrchestrator.Consensus.Commands;

/// <summary>What a member publishes about itself (etcd's member attributes): its name and where clients reach it.</summary>
public sealed record MemberAttributes(ulong MemberId, string Name, string PeerUrl, IReadOnlyList<string> ClientUrls);
