namespace RaftOrchestrator.Consensus.Commands;

/// <summary>
/// Identifies one proposal: the proposing client (a replica's API server instance) and its own increasing
/// sequence number. A proposal retried after a leader change carries the same id, and is applied once.
/// <see cref="None"/> (client 0) marks commands that need no deduplication.
/// </summary>
public readonly record struct RequestId(ulong ClientId, ulong Sequence)
{
    public static RequestId None => default;

    public bool IsNone => ClientId == 0;
}
