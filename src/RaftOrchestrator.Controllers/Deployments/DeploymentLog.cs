using ZLogger;

namespace RaftOrchestrator.Controllers.Deployments;

/// <summary>The deployment controller's log messages (event ids 8730–8749 of the controller manager's block).</summary>
internal static partial class DeploymentLog
{
    [ZLoggerMessage(8730, LogLevel.Information, "{deployment}: replica set name {name} is taken by another object; collisionCount is now {collisionCount}")]
    public static partial void HashCollision(ILogger logger, string deployment, string name, int collisionCount);

    [ZLoggerMessage(8731, LogLevel.Information, "replica set {replicaSet} is selected by more than one deployment ({count}); one of them adopts it")]
    public static partial void SelectedByMany(ILogger logger, string replicaSet, int count);

    [ZLoggerMessage(8732, LogLevel.Information, "{replicaSet}: revision-history not extended, it would pass {limit} characters")]
    public static partial void RevisionHistoryFull(ILogger logger, string replicaSet, int limit);

    [ZLoggerMessage(8733, LogLevel.Debug, "{deployment}: deleting old replica set {replicaSet} (beyond revisionHistoryLimit)")]
    public static partial void DeletingOldReplicaSet(ILogger logger, string deployment, string replicaSet);

    [ZLoggerMessage(8734, LogLevel.Debug, "{deployment}: {action} replica set {replicaSet}")]
    public static partial void Claimed(ILogger logger, string deployment, string action, string replicaSet);
}
