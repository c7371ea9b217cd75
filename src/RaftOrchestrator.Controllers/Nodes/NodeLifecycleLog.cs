using ZLogger;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>The node lifecycle and taint eviction controllers' log messages (event ids 8780–8795 of the controller manager's block).</summary>
internal static partial class NodeLifecycleLog
{
    [ZLoggerMessage(8780, LogLevel.Information, "node {node}: observed by the node lifecycle controller")]
    public static partial void NodeObserved(ILogger logger, string node);

    [ZLoggerMessage(8781, LogLevel.Information, "node {node}: gone; forgotten")]
    public static partial void NodeGone(ILogger logger, string node);

    [ZLoggerMessage(8782, LogLevel.Information, "node {node}: no heartbeat for {seconds}s; conditions set to Unknown")]
    public static partial void MarkedUnknown(ILogger logger, string node, double seconds);

    [ZLoggerMessage(8783, LogLevel.Warning, "node {node}: status not written: {error}")]
    public static partial void StatusWriteFailed(ILogger logger, string node, string error);

    [ZLoggerMessage(8784, LogLevel.Warning, "node {node}: status update kept failing; next pass retries")]
    public static partial void StatusUpdateFailed(ILogger logger, string node);

    [ZLoggerMessage(8785, LogLevel.Information, "node {node}: Ready={ready}; queued for a NoExecute taint")]
    public static partial void QueuedForTainting(ILogger logger, string node, string ready);

    [ZLoggerMessage(8786, LogLevel.Information, "node {node}: tainted {taint}:NoExecute")]
    public static partial void Tainted(ILogger logger, string node, string taint);

    [ZLoggerMessage(8787, LogLevel.Information, "node {node}: ready again; NoExecute taints removed")]
    public static partial void Untainted(ILogger logger, string node);

    [ZLoggerMessage(8788, LogLevel.Warning, "node {node}: taints not written; retrying")]
    public static partial void TaintWriteFailed(ILogger logger, string node);

    [ZLoggerMessage(8789, LogLevel.Warning, "node {node}: not every pod could be marked not ready; retrying next pass")]
    public static partial void PodMarkFailed(ILogger logger, string node);

    [ZLoggerMessage(8790, LogLevel.Warning, "all {nodes} nodes are not ready: entering full disruption mode (no NoExecute taints, no evictions)")]
    public static partial void EnteringFullDisruption(ILogger logger, int nodes);

    [ZLoggerMessage(8791, LogLevel.Warning, "some of {nodes} nodes are ready again: leaving full disruption mode")]
    public static partial void ExitingFullDisruption(ILogger logger, int nodes);

    [ZLoggerMessage(8792, LogLevel.Information, "zone {zone} is now {state}")]
    public static partial void ZoneStateChanged(ILogger logger, string zone, string state);

    [ZLoggerMessage(8793, LogLevel.Error, "node lifecycle {pass} pass failed")]
    public static partial void PassFailed(ILogger logger, Exception exception, string pass);

    [ZLoggerMessage(8794, LogLevel.Information, "pod {pod}: evicted by NoExecute taint {taint} of node {node}")]
    public static partial void PodEvicted(ILogger logger, string pod, string taint, string node);

    [ZLoggerMessage(8795, LogLevel.Debug, "pod {pod}: deletion scheduled in {seconds}s")]
    public static partial void EvictionScheduled(ILogger logger, string pod, double seconds);
}
