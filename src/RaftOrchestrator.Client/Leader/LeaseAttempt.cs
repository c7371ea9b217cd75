namespace RaftOrchestrator.Client.Leader;

/// <summary>The outcome of one acquire-or-renew round trip.</summary>
internal enum LeaseAttempt
{
    /// <summary>The Lease now names us: a new term began, or the current one was renewed.</summary>
    Held,

    /// <summary>Another holder's lease has not expired yet on our clock, or (renewing) the Lease moved to another term.</summary>
    HeldByOther,

    /// <summary>The write lost a race (409) or the call failed; nothing is known to have changed.</summary>
    Failed,
}
