namespace RaftOrchestrator.Consensus.StateMachine;

/// <summary>
/// What the applier tells the rest of its replica. Every call is made on the applier thread, in log order,
/// and must return quickly without blocking (complete a task, update a table).
/// </summary>
internal interface IApplyObserver
{
    /// <summary>This replica's proposer id: entries with it are completed through <see cref="OnLocalApplied"/>.</summary>
    ulong LocalClientId { get; }

    /// <summary>The first application of this replica's proposal <paramref name="sequence"/>, one result per command.</summary>
    void OnLocalApplied(ulong sequence, CommandResult[] results);

    /// <summary>Everything up to <paramref name="index"/> is applied (called after each entry and after a restore).</summary>
    void OnApplied(long index);

    void OnLeaseGranted(long id, long ttlSeconds);

    void OnLeaseRevoked(long id);

    /// <summary>The whole state was replaced by a snapshot at <paramref name="index"/>.</summary>
    void OnRestored(long index);
}
