using ZLogger;

namespace RaftOrchestrator.Controllers.Namespaces;

/// <summary>The namespace controller's log messages (event ids 8750–8754 of the controller manager's block).</summary>
internal static partial class NamespaceLog
{
    [ZLoggerMessage(8750, LogLevel.Debug, "namespace {name}: content remains, looking again in {seconds} s")]
    public static partial void ContentRemaining(ILogger logger, string name, long seconds);

    [ZLoggerMessage(8751, LogLevel.Information, "namespace {name}: content deleted, finalized")]
    public static partial void Finalized(ILogger logger, string name);

    [ZLoggerMessage(8752, LogLevel.Warning, "namespace {name}: content deletion failed: {failure}")]
    public static partial void ContentFailed(ILogger logger, string name, string failure);
}
