using ZLogger;

namespace RaftOrchestrator.Controllers.ServiceAccounts;

/// <summary>The serviceaccount controller's log messages (event ids 8776–8779 of the controller manager's block).</summary>
internal static partial class ServiceAccountLog
{
    [ZLoggerMessage(8776, LogLevel.Debug, "namespace {ns}: created service account {name}")]
    public static partial void Created(ILogger logger, string ns, string name);
}
