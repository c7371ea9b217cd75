using Microsoft.Extensions.Logging;
using ZLogger;

namespace RaftOrchestrator.Agent.Fleet;

/// <summary>Log events of the simulated fleet (ids 9800-9849 of the agent's block, 9000-9999).</summary>
internal static partial class FleetLog
{
    [ZLoggerMessage(9800, LogLevel.Information, "sim fleet: registering {Nodes} nodes {First}..{Last}")]
    public static partial void Registering(ILogger logger, int nodes, string first, string last);

    [ZLoggerMessage(9801, LogLevel.Information, "sim fleet: {Nodes} nodes registered in {Seconds:0.0} s")]
    public static partial void Registered(ILogger logger, int nodes, double seconds);

    [ZLoggerMessage(9802, LogLevel.Warning, "sim fleet: registering node {Node} failed ({Result}); retrying in {Delay}")]
    public static partial void RegisterFailed(ILogger logger, string node, string result, TimeSpan delay);

    [ZLoggerMessage(9803, LogLevel.Warning, "sim fleet: renewing the lease of {Node} failed ({Result}); {Failures} failed renewals so far")]
    public static partial void LeaseFailed(ILogger logger, string node, string result, long failures);

    [ZLoggerMessage(9804, LogLevel.Information, "sim fleet: listed {Pods} pods of the fleet's nodes at {ResourceVersion}")]
    public static partial void Listed(ILogger logger, int pods, string resourceVersion);

    [ZLoggerMessage(9805, LogLevel.Warning, "sim fleet: pods {Verb} failed ({Result}); retrying in {Delay}")]
    public static partial void WatchFailed(ILogger logger, string verb, string result, TimeSpan delay);

    [ZLoggerMessage(9806, LogLevel.Information, "sim fleet: resource version {ResourceVersion} is gone; relisting pods")]
    public static partial void Relisting(ILogger logger, string resourceVersion);

    [ZLoggerMessage(9807, LogLevel.Warning, "sim fleet: writing pod {Pod} failed ({Result}); {Failures} failed pod writes so far")]
    public static partial void PodWriteFailed(ILogger logger, string pod, string result, long failures);

    [ZLoggerMessage(9808, LogLevel.Information, "sim fleet: nodes {Nodes}, pods {Pods} ({Running} running), status writes {StatusWrites} (conflicts {Conflicts}, failed {WriteFailures}), deletes {Deletes}, leases {Leases} (failed {LeaseFailures}), watch events {Events}, relists {Relists}, write queue {Queue}")]
    public static partial void Stats(ILogger logger, int nodes, int pods, int running, long statusWrites, long conflicts, long writeFailures, long deletes, long leases, long leaseFailures, long events, long relists, int queue);
}
