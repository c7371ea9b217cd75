using Microsoft.Extensions.Logging;
using ZLogger;

namespace RaftOrchestrator.Client.Informers;

/// <summary>Log events of informers (ids 8650-8699 of the client's block).</summary>
internal static partial class InformerLog
{
    [ZLoggerMessage(8650, LogLevel.Warning, "{Resource}: list failed ({Code} {Reason}: {Message}); retrying in {Delay}")]
    public static partial void ListFailed(ILogger logger, string resource, int code, string? reason, string? message, TimeSpan delay);

    [ZLoggerMessage(8651, LogLevel.Warning, "{Resource}: watch failed ({Code} {Reason}: {Message}); retrying in {Delay}")]
    public static partial void WatchFailed(ILogger logger, string resource, int code, string? reason, string? message, TimeSpan delay);

    [ZLoggerMessage(8652, LogLevel.Information, "{Resource}: resource version {ResourceVersion} is gone (compacted); relisting")]
    public static partial void Relisting(ILogger logger, string resource, string resourceVersion);

    [ZLoggerMessage(8653, LogLevel.Debug, "{Resource}: listed {Objects} objects at {ResourceVersion} ({Changes} changes)")]
    public static partial void Listed(ILogger logger, string resource, int objects, string resourceVersion, int changes);

    [ZLoggerMessage(8654, LogLevel.Debug, "{Resource}: watch ended with no events; retrying in {Delay}")]
    public static partial void EmptyWatch(ILogger logger, string resource, TimeSpan delay);

    [ZLoggerMessage(8655, LogLevel.Error, "{Resource}: an event handler threw; it keeps receiving events")]
    public static partial void HandlerThrew(ILogger logger, Exception exception, string resource);

    [ZLoggerMessage(8656, LogLevel.Error, "{Resource}: the reflector stopped on an unexpected error")]
    public static partial void ReflectorCrashed(ILogger logger, Exception exception, string resource);
}
