using Microsoft.Extensions.Logging;
using ZLogger;

namespace RaftOrchestrator.Client.Http;

/// <summary>Log events of the HTTP cluster client (ids 8600-8649).</summary>
internal static partial class HttpClientLog
{
    [ZLoggerMessage(8600, LogLevel.Warning, "{Method} {Server}: {Error}; trying the next server")]
    public static partial void TryingNextServer(ILogger logger, string method, string server, string error);

    [ZLoggerMessage(8601, LogLevel.Warning, "{Method} {Path}: no server answered ({Error})")]
    public static partial void NoServer(ILogger logger, string method, string path, string error);

    [ZLoggerMessage(8602, LogLevel.Debug, "watch {Path} ended: {Error}")]
    public static partial void WatchBroken(ILogger logger, string path, string error);
}
