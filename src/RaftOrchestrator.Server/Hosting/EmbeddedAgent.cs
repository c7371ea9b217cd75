using RaftOrchestrator.Agent;
using RaftOrchestrator.Server.Cli;
using RaftOrchestrator.Server.Kube;
using RaftOrchestrator.Server.Kube.InProcess;

namespace RaftOrchestrator.Server.Hosting;

/// <summary>
/// The node agent embedded in a replica, as a k3s server is also an agent: it reaches the cluster through the
/// in-process client (no HTTP hop to its own API), so `rorch server` alone is a cluster that runs pods. Every
/// replica that has one registers its own Node. Stopping the replica stops the agent, then disposes the runtime,
/// which ends the containers it started (a replica does not leave orphaned processes behind). An agent that fails
/// (its port taken, its data directory unwritable) is logged and ends alone: the replica keeps serving.
/// </summary>
internal sealed class EmbeddedAgent(InProcessClusterClient client, EmbeddedAgentOptions agent, ILoggerFactory loggerFactory) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = new NodeAgentOptions { NodeName = agent.NodeName, DataDirectory = agent.DataDirectory };
        try
        {
            await AgentHost.RunAsync(client, AgentRuntimes.Create(agent.Runtime, agent.DataDirectory, loggerFactory), options, agent.Listen, loggerFactory, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutdown
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            KubeLog.EmbeddedAgentFailed(loggerFactory.CreateLogger("RaftOrchestrator.Agent"), agent.NodeName, e);
        }
    }
}
