using Microsoft.Extensions.Logging;
using ZLogger;

namespace RaftOrchestrator.Client.Leader;

/// <summary>Log events of leader election (ids 8780-8789 of the client's block; the event recorder has 8790-8799).</summary>
internal static partial class LeaderLog
{
    [ZLoggerMessage(8780, LogLevel.Information, "{Identity} campaigning for lease {LeaseNamespace}/{LeaseName}")]
    public static partial void Campaigning(ILogger logger, string identity, string leaseNamespace, string leaseName);

    [ZLoggerMessage(8781, LogLevel.Information, "{Identity} started leading (leaseTransitions {Transitions}) on lease {LeaseNamespace}/{LeaseName}")]
    public static partial void StartedLeading(ILogger logger, string identity, int transitions, string leaseNamespace, string leaseName);

    [ZLoggerMessage(8782, LogLevel.Warning, "{Identity} stopped leading (leaseTransitions {Transitions}; shutting down: {ShuttingDown})")]
    public static partial void StoppedLeading(ILogger logger, string identity, int transitions, bool shuttingDown);

    [ZLoggerMessage(8783, LogLevel.Information, "{Identity} released lease {LeaseNamespace}/{LeaseName}")]
    public static partial void Released(ILogger logger, string identity, string leaseNamespace, string leaseName);

    [ZLoggerMessage(8784, LogLevel.Information, "new leader of lease {LeaseNamespace}/{LeaseName}: '{Holder}'")]
    public static partial void NewLeader(ILogger logger, string holder, string leaseNamespace, string leaseName);

    [ZLoggerMessage(8785, LogLevel.Debug, "lease {Verb} failed: {Code} {Message}")]
    public static partial void LeaseCallFailed(ILogger logger, string verb, int code, string message);

    [ZLoggerMessage(8786, LogLevel.Error, "the leading work of {Identity} (leaseTransitions {Transitions}) failed; the term ends")]
    public static partial void LeadingFailed(ILogger logger, Exception exception, string identity, int transitions);

    [ZLoggerMessage(8787, LogLevel.Error, "the new-leader observer of {Identity} failed")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string identity);
}
