using Microsoft.Extensions.Logging;
using ZLogger;

namespace RaftOrchestrator.Consensus;

/// <summary>Structured log events of the consensus layer (event ids 2000–2999).</summary>
internal static partial class ConsensusLog
{
    [ZLoggerMessage(2000, LogLevel.Information, "Snapshot at index {Index} (store revision {Revision}) written, {Bytes} bytes")]
    public static partial void SnapshotTaken(ILogger logger, long index, long revision, long bytes);

    [ZLoggerMessage(2001, LogLevel.Error, "Snapshot at index {Index} failed; the log keeps its entries until the next one")]
    public static partial void SnapshotFailed(ILogger logger, Exception exception, long index);

    [ZLoggerMessage(2002, LogLevel.Information, "Installed the leader's snapshot at index {Index} (store revision {Revision})")]
    public static partial void SnapshotInstalled(ILogger logger, long index, long revision);

    [ZLoggerMessage(2003, LogLevel.Information, "Member {Name} started: peer {Peer}, term {Term}, applied {Applied}, committed {Committed}")]
    public static partial void NodeStarted(ILogger logger, string name, string peer, long term, long applied, long committed);

    [ZLoggerMessage(2004, LogLevel.Information, "Leader is now {Leader} (term {Term})")]
    public static partial void LeaderChanged(ILogger logger, string leader, long term);

    [ZLoggerMessage(2005, LogLevel.Error, "The write-ahead log failed; restarting the member on its data directory (restart {Restart})")]
    public static partial void WalFailed(ILogger logger, Exception exception, int restart);

    [ZLoggerMessage(2006, LogLevel.Information, "Member restarted after a log failure and caught up to index {Index} in {Milliseconds} ms")]
    public static partial void NodeRestarted(ILogger logger, long index, long milliseconds);

    [ZLoggerMessage(2007, LogLevel.Warning, "Follower flush took {Milliseconds} ms (disk too slow for the heartbeat?)")]
    public static partial void SlowFlush(ILogger logger, long milliseconds);

    [ZLoggerMessage(2008, LogLevel.Warning, "Proposal {Sequence} gave up after {Milliseconds} ms: {Reason}")]
    public static partial void ProposalTimedOut(ILogger logger, ulong sequence, long milliseconds, string reason);

    [ZLoggerMessage(2009, LogLevel.Information, "Revoking {Leases} expired leases")]
    public static partial void LeasesExpired(ILogger logger, int leases);

    [ZLoggerMessage(2010, LogLevel.Information, "Member {Peer} added to the cluster: {Added}")]
    public static partial void MemberAdded(ILogger logger, string peer, bool added);

    [ZLoggerMessage(2011, LogLevel.Information, "Member {Peer} removed from the cluster: {Removed}")]
    public static partial void MemberRemoved(ILogger logger, string peer, bool removed);

    [ZLoggerMessage(2012, LogLevel.Warning, "Could not publish this member's attributes yet: {Reason}")]
    public static partial void PublishDeferred(ILogger logger, string reason);

    [ZLoggerMessage(2013, LogLevel.Debug, "Forwarding to the leader failed: {Reason}")]
    public static partial void ForwardFailed(ILogger logger, string reason);
}
