namespace RaftOrchestrator.Agent.Fleet;

/// <summary>The fleet's running totals; each is changed with Interlocked and read without a lock.</summary>
internal sealed class FleetCounters
{
    public int NodesRegistered;
    public long StatusWrites;
    public long StatusConflicts;
    public long PodWriteFailures;
    public long PodsDeleted;
    public long LeaseRenewals;
    public long LeaseFailures;
    public long WatchEvents;
    public long PodLists;
    public int WriteQueue;

    /// <summary>Whether the n-th failure is logged: the first ones, then every power of two, so a flood stays a trickle.</summary>
    public static bool ShouldLog(long failures) => failures <= 4 || (failures & (failures - 1)) == 0;
}
