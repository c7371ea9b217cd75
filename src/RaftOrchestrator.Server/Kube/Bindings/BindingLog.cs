using ZLogger;

namespace RaftOrchestrator.Server.Kube.Bindings;

/// <summary>Log events of pod binding (ids 8520-8539 of the Kubernetes API block).</summary>
internal static partial class BindingLog
{
    [ZLoggerMessage(8520, LogLevel.Warning, "The node allocation index lost its watch at revision {Revision}; listing again")]
    public static partial void IndexWatchFailed(ILogger logger, Exception exception, long revision);

    [ZLoggerMessage(8521, LogLevel.Debug, "Binding batch of {Bindings} bindings: {Bound} bound, {Refused} refused, {Rounds} rounds")]
    public static partial void BatchApplied(ILogger logger, int bindings, int bound, int refused, int rounds);

    [ZLoggerMessage(8522, LogLevel.Error, "The node allocation index skipped an undecodable {Kind} at revision {Revision} ({Bytes} bytes)")]
    public static partial void UndecodableObject(ILogger logger, Exception exception, string kind, long revision, int bytes);
}
