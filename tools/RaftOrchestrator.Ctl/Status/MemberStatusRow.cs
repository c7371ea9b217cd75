namespace RaftOrchestrator.Ctl.Status;

/// <summary>
/// One member's line of `status`: what it answered to Maintenance.Status, or why it did not
/// (<see cref="Reachable"/> false, the reason in <see cref="Errors"/>; the numbers are then null).
/// <see cref="IsLeader"/> is the member's own claim (the leader it names is itself); <see cref="Leader"/> is the
/// leader it names, so a caller can check that every member names the same one.
/// </summary>
internal sealed record MemberStatusRow(
    string Name,
    string Id,
    string Endpoint,
    bool Reachable,
    bool IsLeader,
    string? Leader,
    ulong? RaftTerm,
    ulong? RaftIndex,
    ulong? RaftAppliedIndex,
    long? Revision,
    long? DbSize,
    string? Version,
    IReadOnlyList<string> Errors);
