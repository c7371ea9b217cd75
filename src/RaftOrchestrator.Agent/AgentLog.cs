using Microsoft.Extensions.Logging;
using ZLogger;

namespace RaftOrchestrator.Agent;

/// <summary>Log events of the node agent's core (ids 9000-9299 of the agent's 9000-9999 block; runtimes use 9300 up).</summary>
internal static partial class AgentLog
{
    [ZLoggerMessage(9000, LogLevel.Information, "node {Node}: registered ({Action})")]
    public static partial void Registered(ILogger logger, string node, string action);

    [ZLoggerMessage(9001, LogLevel.Warning, "node {Node}: registration failed ({Code} {Reason}: {Message}); retrying in {Delay}")]
    public static partial void RegistrationFailed(ILogger logger, string node, int code, string? reason, string? message, TimeSpan delay);

    [ZLoggerMessage(9002, LogLevel.Warning, "node {Node}: status update failed ({Code} {Reason}: {Message})")]
    public static partial void NodeStatusFailed(ILogger logger, string node, int code, string? reason, string? message);

    [ZLoggerMessage(9003, LogLevel.Warning, "node {Node}: lease renewal failed ({Code} {Reason}: {Message}); retrying in {Delay}")]
    public static partial void LeaseFailed(ILogger logger, string node, int code, string? reason, string? message, TimeSpan delay);

    [ZLoggerMessage(9004, LogLevel.Information, "node {Node}: agent started ({Runtime} {RuntimeVersion})")]
    public static partial void Started(ILogger logger, string node, string runtime, string runtimeVersion);

    [ZLoggerMessage(9005, LogLevel.Information, "node {Node}: agent stopped")]
    public static partial void Stopped(ILogger logger, string node);

    [ZLoggerMessage(9010, LogLevel.Error, "pod {Pod} ({Uid}): sync failed; retrying in {Delay}")]
    public static partial void SyncFailed(ILogger logger, Exception exception, string pod, string uid, TimeSpan delay);

    [ZLoggerMessage(9011, LogLevel.Warning, "pod {Pod}: runtime {Operation} failed ({Code}: {Message})")]
    public static partial void RuntimeFailed(ILogger logger, string pod, string operation, string code, string message);

    [ZLoggerMessage(9012, LogLevel.Debug, "pod {Pod}: container {Container} started ({ContainerId}, attempt {Attempt})")]
    public static partial void ContainerStarted(ILogger logger, string pod, string container, string containerId, int attempt);

    [ZLoggerMessage(9013, LogLevel.Debug, "pod {Pod}: terminated and cleaned up")]
    public static partial void PodCleanedUp(ILogger logger, string pod);

    [ZLoggerMessage(9014, LogLevel.Error, "runtime {Runtime}: the event stream ended unexpectedly")]
    public static partial void EventsCrashed(ILogger logger, Exception exception, string runtime);

    [ZLoggerMessage(9020, LogLevel.Warning, "pod {Pod}: status write failed ({Code} {Reason}: {Message}); retrying")]
    public static partial void StatusWriteFailed(ILogger logger, string pod, int code, string? reason, string? message);

    [ZLoggerMessage(9021, LogLevel.Warning, "pod {Pod}: delete failed ({Code} {Reason}: {Message}); retrying")]
    public static partial void PodDeleteFailed(ILogger logger, string pod, int code, string? reason, string? message);

    [ZLoggerMessage(9022, LogLevel.Debug, "pod {Pod}: status written ({Phase})")]
    public static partial void StatusWritten(ILogger logger, string pod, string? phase);

    [ZLoggerMessage(9023, LogLevel.Error, "pod {Pod}: unexpected error writing its status; retrying")]
    public static partial void StatusWriterCrashed(ILogger logger, Exception exception, string pod);
}
