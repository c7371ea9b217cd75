namespace RaftOrchestrator.Consensus.Commands;

/// <summary>
/// Identifies one proposal (one log entry's worth of commands): the proposing replica instance and its own
/// increasing sequence number. A proposal retried after a leader change carries the same id and is applied
/// once. <see cref="None"/> (client 0) marks entries that need no deduplication.
/// </summary>
public readonly record struct RequestId(ulong ClientId, ulong Sequence)
{
    public static RequestId None => default;

    public bool IsNone => ClientId == 0;
}
