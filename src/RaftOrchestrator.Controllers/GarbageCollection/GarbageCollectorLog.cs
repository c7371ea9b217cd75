using ZLogger;

namespace RaftOrchestrator.Controllers.GarbageCollection;

/// <summary>Log events of the garbage collector (ids 8720–8729).</summary>
internal static partial class GarbageCollectorLog
{
    [ZLoggerMessage(8720, LogLevel.Information, "garbagecollector: deleting {Resource} {Key} (propagation {Policy}): none of its owners remains")]
    public static partial void Deleting(ILogger logger, string resource, string key, string policy);

    [ZLoggerMessage(8721, LogLevel.Information, "garbagecollector: removing owner references {Owners} from {Resource} {Key}: those owners are gone or being deleted")]
    public static partial void RemovingReferences(ILogger logger, string resource, string key, string owners);

    [ZLoggerMessage(8722, LogLevel.Information, "garbagecollector: removing finalizer {Finalizer} from {Resource} {Key}")]
    public static partial void RemovingFinalizer(ILogger logger, string resource, string key, string finalizer);

    [ZLoggerMessage(8723, LogLevel.Debug, "garbagecollector: {Resource} {Key} refers to an owner of unknown kind {ApiVersion}/{Kind}; keeping it")]
    public static partial void UnknownOwnerKind(ILogger logger, string resource, string key, string apiVersion, string kind);

    [ZLoggerMessage(8724, LogLevel.Debug, "garbagecollector: {Resource} {Key} is being deleted in the foreground; waiting for {Blocking} blocking dependents")]
    public static partial void WaitingForDependents(ILogger logger, string resource, string key, int blocking);

    [ZLoggerMessage(8725, LogLevel.Information, "garbagecollector: watching {Kinds} kinds: {Resources}")]
    public static partial void Monitoring(ILogger logger, int kinds, string resources);
}
