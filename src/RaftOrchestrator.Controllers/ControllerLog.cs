using ZLogger;

namespace RaftOrchestrator.Controllers;

/// <summary>The controller manager's log messages (event ids 8700–8799).</summary>
internal static partial class ControllerLog
{
    [ZLoggerMessage(8700, LogLevel.Warning, "{controller}: reconcile of {key} failed (retry {requeues}): {failure}")]
    public static partial void ReconcileFailed(ILogger logger, string controller, string key, string failure, int requeues);

    [ZLoggerMessage(8701, LogLevel.Error, "{controller}: reconcile of {key} threw")]
    public static partial void ReconcileThrew(ILogger logger, Exception exception, string controller, string key);
}
