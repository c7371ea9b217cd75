namespace RaftOrchestrator.Consensus.Hosting;

/// <summary>The end of a read barrier: after <see cref="Ok"/> the local store is at least as new as every write acknowledged before it.</summary>
public enum ReadStatus
{
    Ok = 0,
    /// <summary>No leader confirmed a read index in time.</summary>
    TimedOut,
    Stopped,
}
