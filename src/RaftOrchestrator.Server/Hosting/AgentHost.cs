using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using RaftOrchestrator.Agent;
using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Server.Hosting;

/// <summary>
/// `rorch agent` once its client is made: the agent's HTTP endpoint (the kubelet's port: /healthz, and
/// /containerLogs/{namespace}/{pod}/{container} that the API server proxies `kubectl logs` to) and a
/// <see cref="NodeAgent"/> over the runtime, until cancelled. The endpoint starts first so the Node is registered with
/// the port it actually got (daemonEndpoints.kubeletEndpoint.Port); until the agent exists its log requests answer
/// 503. The runtime is disposed last, when the agent has stopped.
/// </summary>
public static class AgentHost
{
    public static async Task RunAsync(IClusterClient cluster, IContainerRuntime runtime, NodeAgentOptions options, IPEndPoint? listen, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(options);
        WebApplication? endpoint = null;
        NodeAgent? agent = null;
        try
        {
            int port = 0;
            if (listen is not null)
            {
                endpoint = BuildEndpoint(listen, () => Volatile.Read(ref agent));
                await endpoint.StartAsync(cancellationToken);
                port = BoundPort(endpoint, listen);
            }
            // The API server reaches the log endpoint at the node's InternalIP: an endpoint on a loopback address is
            // only reachable there, so without an explicit node IP that address is the node's (single-host clusters).
            string? internalIp = options.InternalIP ?? (listen is not null && IPAddress.IsLoopback(listen.Address) ? listen.Address.ToString() : null);
            var created = new NodeAgent(cluster, runtime, options with { KubeletPort = port, InternalIP = internalIp }, TimeProvider.System, loggers);
            Volatile.Write(ref agent, created);
            await created.RunAsync(cancellationToken);
        }
        finally
        {
            if (endpoint is not null)
            {
                await endpoint.StopAsync(CancellationToken.None);
                await endpoint.DisposeAsync();
            }
            await runtime.DisposeAsync();
        }
    }

    private static WebApplication BuildEndpoint(IPEndPoint listen, Func<NodeAgent?> agent)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        ConsoleLogging.Configure(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(listen, l => l.Protocols = HttpProtocols.Http1));
        WebApplication app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        AgentLogEndpoint.Map(app, agent);
        return app;
    }

    /// <summary>The port Kestrel bound (the one asked for, or the one it chose for port 0).</summary>
    private static int BoundPort(WebApplication app, IPEndPoint listen)
    {
        string? address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return address is not null && Uri.TryCreate(address, UriKind.Absolute, out Uri? uri) ? uri.Port : listen.Port;
    }
}
