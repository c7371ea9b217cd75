using RaftOrchestrator.Controllers.Scheduler;
using RaftOrchestrator.Server.Kube.InProcess;

namespace RaftOrchestrator.Server.Hosting;

/// <summary>
/// The scheduler embedded in a replica, as the controller manager is: every replica runs one, the
/// kube-system/kube-scheduler Lease lets exactly one schedule, and it reaches the cluster through the in-process
/// client. Its lease identity starts with the member name ("m1_…"), so operators and tests can tell which replica leads.
/// </summary>
internal sealed class EmbeddedScheduler(InProcessClusterClient client, ServerOptions options, ILoggerFactory loggerFactory) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SchedulerOptions scheduler = options.SchedulerOptions! with { Identity = $"{options.Name}_{Guid.NewGuid():N}" };
        try
        {
            await new KubeScheduler(client, scheduler, loggerFactory).RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutdown: the elector released the lease
        }
    }
}
