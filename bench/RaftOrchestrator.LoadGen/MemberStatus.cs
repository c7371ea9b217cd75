namespace RaftOrchestrator.LoadGen;

/// <summary>What Maintenance.Status said about one endpoint (or why it said nothing).</summary>
internal sealed record MemberStatus(
    string Endpoint,
    ulong MemberId,
    ulong Leader,
    ulong RaftIndex,
    ulong RaftTerm,
    long DbSize,
    string? Error)
{
    public bool IsLeader => Error is null && MemberId != 0 && MemberId == Leader;
}
