using ZLogger;

namespace RaftOrchestrator.Server.Hosting;

/// <summary>The one log format of every `rorch` command: ZLogger plain text on standard error, UTC timestamps.</summary>
public static class ConsoleLogging
{
    public static void Configure(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Grpc", LogLevel.Warning);
        logging.AddZLoggerConsole(o =>
        {
            o.LogToStandardErrorThreshold = LogLevel.Trace;
            o.UsePlainTextFormatter(f => f.SetPrefixFormatter(
                $"{0:utc-longdate} {1:short} ", (in MessageTemplate template, in LogInfo info) => template.Format(info.Timestamp, info.LogLevel)));
        });
    }
}
