namespace RaftOrchestrator.Ctl.Status;

/// <summary>One line of `members list` (the JSON form names the same fields). Ids are 16 hex digits.</summary>
internal sealed record MemberRow(
    string Id, string Name, IReadOnlyList<string> PeerUrls, IReadOnlyList<string> ClientUrls, bool IsLeader);
