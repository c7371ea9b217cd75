using ZLogger;

namespace RaftOrchestrator.Controllers.Manager;

internal static partial class ControllerManagerLog
{
    [ZLoggerMessage(8702, LogLevel.Information, "controller manager {identity} leads: starting {controllers}")]
    public static partial void Starting(ILogger logger, string identity, string controllers);

    [ZLoggerMessage(8703, LogLevel.Information, "controller manager {identity}: controllers stopped")]
    public static partial void Stopped(ILogger logger, string identity);
}
