using ZLogger;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>The scheduler driver's log messages (event ids 8900–8999).</summary>
internal static partial class SchedulerLog
{
    [ZLoggerMessage(8900, LogLevel.Warning, "scheduler: a {binder} bind call of {count} bindings failed")]
    public static partial void BindCallFailed(ILogger logger, Exception exception, string binder, int count);

    [ZLoggerMessage(8901, LogLevel.Information, "scheduler: caches synced ({nodes} nodes, {pending} pods to schedule)")]
    public static partial void Synced(ILogger logger, int nodes, int pending);

    [ZLoggerMessage(8902, LogLevel.Warning, "scheduler: assumed pod {uid} expired before the informer showed it bound")]
    public static partial void AssumedPodExpired(ILogger logger, string uid);

    [ZLoggerMessage(8903, LogLevel.Error, "scheduler: the attempt to schedule {pod} threw")]
    public static partial void AttemptThrew(ILogger logger, Exception exception, string pod);

    [ZLoggerMessage(8904, LogLevel.Debug, "scheduler: {pod} unschedulable (attempt {attempts}): {message}")]
    public static partial void Unschedulable(ILogger logger, string pod, int attempts, string message);

    [ZLoggerMessage(8905, LogLevel.Information, "scheduler: binding {pod} to {node} not done: {outcome}")]
    public static partial void BindingRefused(ILogger logger, string pod, string node, string outcome);

    [ZLoggerMessage(8906, LogLevel.Warning, "scheduler: a status write failed: {failure}")]
    public static partial void StatusWriteFailed(ILogger logger, string failure);

    [ZLoggerMessage(8907, LogLevel.Information, "scheduler {identity}: leading with profiles {profiles}, binder {binder}")]
    public static partial void Leading(ILogger logger, string identity, string profiles, string binder);

    [ZLoggerMessage(8908, LogLevel.Information, "scheduler {identity}: term ended ({scheduled} pods bound)")]
    public static partial void TermEnded(ILogger logger, string identity, long scheduled);
}
