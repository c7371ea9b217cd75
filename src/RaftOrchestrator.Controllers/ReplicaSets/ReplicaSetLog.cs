using ZLogger;

namespace RaftOrchestrator.Controllers.ReplicaSets;

/// <summary>Log events of the ReplicaSet and ReplicationController controllers (ids 8710–8719).</summary>
internal static partial class ReplicaSetLog
{
    [ZLoggerMessage(8710, LogLevel.Warning, "{Controller}: {Key} has an invalid selector, so it selects no pods: {Error}")]
    public static partial void InvalidSelector(ILogger logger, string controller, string key, string error);

    [ZLoggerMessage(8711, LogLevel.Information, "{Controller}: {Key} has too few replicas (need {Want}, have {Have}); creating {Changes}")]
    public static partial void TooFewReplicas(ILogger logger, string controller, string key, int want, int have, int changes);

    [ZLoggerMessage(8712, LogLevel.Information, "{Controller}: {Key} has too many replicas (need {Want}, have {Have}); deleting {Changes}")]
    public static partial void TooManyReplicas(ILogger logger, string controller, string key, int want, int have, int changes);

    [ZLoggerMessage(8713, LogLevel.Debug, "{Controller}: {Key} waits for the cache to observe its last creates and deletes")]
    public static partial void ExpectationsPending(ILogger logger, string controller, string key);

    [ZLoggerMessage(8714, LogLevel.Debug, "{Controller}: {Key} adopted pod {Pod}")]
    public static partial void Adopted(ILogger logger, string controller, string key, string pod);

    [ZLoggerMessage(8715, LogLevel.Debug, "{Controller}: {Key} released pod {Pod}, which its selector no longer matches")]
    public static partial void Released(ILogger logger, string controller, string key, string pod);
}
