using RaftOrchestrator.Controllers.Manager;
using RaftOrchestrator.Controllers.Nodes;
using RaftOrchestrator.Server.Kube.InProcess;

namespace RaftOrchestrator.Server.Hosting;

/// <summary>
/// The controller manager embedded in a replica. Every replica runs one; the Lease election lets exactly one act
/// (the others only campaign). It reaches the cluster through the in-process client — the same request pipeline
/// as kubectl, without a socket — so on a follower its writes are forwarded to the leader like anyone's.
/// Its lease identity starts with the member name ("m1_…"), so operators and tests can tell which replica leads.
/// </summary>
internal sealed class EmbeddedControllers(InProcessClusterClient client, ServerOptions options, ILoggerFactory loggerFactory) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!ControllerSelection.TryParse(options.Controllers, ControllerCatalog.Names, out ControllerSelection selection, out string? error))
        {
            throw new InvalidOperationException(error);
        }
        var manager = new ControllerManager(client, new ControllerManagerOptions
        {
            Controllers = selection,
            Identity = $"{options.Name}_{Guid.NewGuid():N}",
            NodeLifecycle = options.NodeMonitorGracePeriod is { } grace ? new NodeLifecycleOptions { NodeMonitorGracePeriod = grace } : new NodeLifecycleOptions(),
        }, loggerFactory);
        try
        {
            await manager.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutdown: the elector released the lease
        }
    }
}
