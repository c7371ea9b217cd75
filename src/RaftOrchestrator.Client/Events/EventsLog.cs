using Microsoft.Extensions.Logging;
using ZLogger;

namespace RaftOrchestrator.Client.Events;

/// <summary>Log events of the event recorder (ids 8790-8799 of the client's block).</summary>
internal static partial class EventsLog
{
    [ZLoggerMessage(8790, LogLevel.Warning, "event queue of {Component} full: {Dropped} events dropped so far")]
    public static partial void Dropped(ILogger logger, string component, long dropped);

    [ZLoggerMessage(8791, LogLevel.Debug, "event {Reason} about {Involved} filtered as spam")]
    public static partial void Filtered(ILogger logger, string reason, string involved);

    [ZLoggerMessage(8792, LogLevel.Warning, "event {Reason} {EventNamespace}/{EventName} abandoned after {Tries} tries: {Code} {Message}")]
    public static partial void WriteAbandoned(ILogger logger, string reason, string eventNamespace, string eventName, int tries, int code, string message);

    [ZLoggerMessage(8793, LogLevel.Error, "event {Reason} {EventNamespace}/{EventName} abandoned: the client failed")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string reason, string eventNamespace, string eventName);
}
