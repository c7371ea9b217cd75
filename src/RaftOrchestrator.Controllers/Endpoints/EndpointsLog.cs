using ZLogger;

namespace RaftOrchestrator.Controllers.Endpoints;

/// <summary>The endpoints and endpoint slice controllers' log messages (event ids 8756–8763 of the controller manager's block).</summary>
internal static partial class EndpointsLog
{
    [ZLoggerMessage(8756, LogLevel.Debug, "service {service}: pod {pod} has no port for {port}; skipped for that port")]
    public static partial void PortNotFound(ILogger logger, string service, string pod, string port);

    [ZLoggerMessage(8757, LogLevel.Debug, "service {service}: endpoints written ({ready} ready, {notReady} not ready)")]
    public static partial void EndpointsWritten(ILogger logger, string service, int ready, int notReady);

    [ZLoggerMessage(8758, LogLevel.Debug, "service {service}: endpoint slices: {created} created, {updated} updated, {deleted} deleted")]
    public static partial void SlicesWritten(ILogger logger, string service, int created, int updated, int deleted);

    [ZLoggerMessage(8759, LogLevel.Debug, "service {service}: the endpoint slice cache is behind this controller's writes; waiting")]
    public static partial void StaleSlices(ILogger logger, string service);
}
