using System.Runtime.InteropServices;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Http;
using RaftOrchestrator.Controllers.Scheduler;

namespace RaftOrchestrator.Server.Hosting;

/// <summary>
/// `rorch scheduler`: the scheduler as its own process, over HTTP to any replicas (MessagePack unless asked for
/// JSON), leader-elected by default so several can run for availability. Stops on SIGTERM/SIGINT, releasing the lease.
/// </summary>
public static class SchedulerHost
{
    public static async Task<int> RunAsync(ClusterClientOptions client, SchedulerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using ILoggerFactory loggers = LoggerFactory.Create(ConsoleLogging.Configure);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        await using IClusterClient cluster = new HttpClusterClient(client, loggers.CreateLogger("RaftOrchestrator.Client.Http"));
        try
        {
            await new KubeScheduler(cluster, options, loggers).RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // SIGTERM, SIGINT or the caller's cancellation: a clean stop
        }
        return 0;
    }
}
