using Microsoft.Extensions.Logging;
using ZLogger;

namespace RaftOrchestrator.Agent.StaticPods;

/// <summary>Log events of static pods and their mirrors (ids 9100-9129 of the agent core's block).</summary>
internal static partial class StaticPodLog
{
    [ZLoggerMessage(9100, LogLevel.Warning, "static pods: skipping manifest {File}: {Error}")]
    public static partial void ManifestSkipped(ILogger logger, string file, string error);

    [ZLoggerMessage(9101, LogLevel.Information, "static pods: manifest {Location} reads again")]
    public static partial void ManifestRecovered(ILogger logger, string location);

    [ZLoggerMessage(9102, LogLevel.Warning, "static pods: manifest path {Path}: {Error}")]
    public static partial void ManifestPathUnreadable(ILogger logger, string path, string error);

    [ZLoggerMessage(9103, LogLevel.Warning, "static pods: manifest URL {Url} not read: {Error}; keeping the pods it gave last")]
    public static partial void ManifestUrlFailed(ILogger logger, string url, string error);

    [ZLoggerMessage(9104, LogLevel.Warning, "static pods: {Source} pod {Pod} ({Uid}) has the name of another static pod; skipped")]
    public static partial void DuplicateName(ILogger logger, string source, string pod, string uid);

    [ZLoggerMessage(9105, LogLevel.Information, "static pods: starting {Pod} ({Uid}) from {Source}")]
    public static partial void Starting(ILogger logger, string pod, string uid, string source);

    [ZLoggerMessage(9106, LogLevel.Information, "static pods: stopping {Pod} ({Uid}): its manifest is gone or changed")]
    public static partial void Stopping(ILogger logger, string pod, string uid);

    [ZLoggerMessage(9107, LogLevel.Information, "static pods: mirror pod {Pod} created ({Uid})")]
    public static partial void MirrorCreated(ILogger logger, string pod, string uid);

    [ZLoggerMessage(9108, LogLevel.Information, "static pods: mirror pod {Pod} ({Uid}) deleted: {Why}")]
    public static partial void MirrorDeleted(ILogger logger, string pod, string uid, string why);

    [ZLoggerMessage(9109, LogLevel.Warning, "static pods: mirror pod {Pod}: {Operation} failed ({Code} {Reason}: {Message}); retrying")]
    public static partial void MirrorFailed(ILogger logger, string pod, string operation, int code, string? reason, string? message);

    [ZLoggerMessage(9110, LogLevel.Warning, "static pods: {Pod} exists in the API and is no mirror pod; no mirror for the static pod of that name")]
    public static partial void NameTaken(ILogger logger, string pod);

    [ZLoggerMessage(9111, LogLevel.Error, "static pods: {Step} failed; retrying")]
    public static partial void SyncFailed(ILogger logger, Exception exception, string step);
}
