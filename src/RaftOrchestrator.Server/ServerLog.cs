using ZLogger;

namespace RaftOrchestrator.Server;

/// <summary>Structured log events of the server host (event ids 8000–8999).</summary>
internal static partial class ServerLog
{
    [ZLoggerMessage(8000, LogLevel.Information, "Member {Name} serving the etcd v3 API on {ClientUrl}, peers on {Peer}, data in {DataDirectory}")]
    public static partial void Serving(ILogger logger, string name, string clientUrl, string peer, string dataDirectory);

    [ZLoggerMessage(8001, LogLevel.Information, "Joining the cluster through {Join} as {Peer}")]
    public static partial void Joining(ILogger logger, string join, string peer);

    [ZLoggerMessage(8002, LogLevel.Information, "Joined the cluster: {Members} members")]
    public static partial void Joined(ILogger logger, int members);

    [ZLoggerMessage(8003, LogLevel.Warning, "Join attempt failed, retrying: {Reason}")]
    public static partial void JoinRetry(ILogger logger, string reason);

    [ZLoggerMessage(8004, LogLevel.Information, "Member {Name} shutting down")]
    public static partial void ShuttingDown(ILogger logger, string name);

    [ZLoggerMessage(8005, LogLevel.Critical, "Member {Name} cannot go on")]
    public static partial void Fatal(ILogger logger, Exception exception, string name);

    [ZLoggerMessage(8006, LogLevel.Warning, "Unsafe: member {Name}'s followers acknowledge before flushing (--unsafe-no-follower-fsync); acknowledged writes can be lost")]
    public static partial void UnsafeNoFsync(ILogger logger, string name);
}
