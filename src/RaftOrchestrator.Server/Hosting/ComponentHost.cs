using System.Runtime.InteropServices;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Http;

namespace RaftOrchestrator.Server.Hosting;

/// <summary>
/// A control-plane component as its own process (`rorch controller-manager`, `rorch scheduler`): over HTTP to any
/// replicas (MessagePack unless asked for JSON), leader-elected by default so several can run for availability.
/// Stops on SIGTERM/SIGINT; the component releases its lease as it returns.
/// </summary>
public static class ComponentHost
{
    /// <summary>Runs <paramref name="run"/> (the component, until its token is cancelled) over an HTTP client made from <paramref name="client"/>.</summary>
    public static async Task<int> RunAsync(ClusterClientOptions client, Func<IClusterClient, ILoggerFactory, CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(run);
        using ILoggerFactory loggers = LoggerFactory.Create(ConsoleLogging.Configure);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        await using IClusterClient cluster = new HttpClusterClient(client, loggers.CreateLogger("RaftOrchestrator.Client.Http"));
        try
        {
            await run(cluster, loggers, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // SIGTERM, SIGINT or the caller's cancellation: a clean stop
        }
        return 0;
    }
}
