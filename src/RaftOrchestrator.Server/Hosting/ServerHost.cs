using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Consensus.Membership;
using RaftOrchestrator.Consensus.Replication;
using RaftOrchestrator.Consensus.StateMachine;
using RaftOrchestrator.Server.Etcd;
using RaftOrchestrator.Server.Etcd.Watch;
using RaftOrchestrator.Server.Kube;
using RaftOrchestrator.Server.Peer;

namespace RaftOrchestrator.Server.Hosting;

/// <summary>
/// Runs one control-plane replica: the replicated store, and Kestrel serving the etcd v3 API and the peer
/// service on the client address (HTTP/2 without TLS: gRPC needs HTTP/2, and without TLS Kestrel cannot
/// negotiate it, so the endpoint is HTTP/2 only). Stops on SIGTERM/SIGINT (graceful: the replica leaves
/// its log flushed) and on a fatal replica error (exit code 1).
/// </summary>
public static class ServerHost
{
    public static async Task<int> RunAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        (WebApplication app, ReplicatedStore replica, ILogger logger) = await StartReplicaAsync(options, cancellationToken);
        try
        {
            await StartServingAsync(options, app, replica, logger, cancellationToken);
            IHostApplicationLifetime lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
            var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using CancellationTokenRegistration onStop = lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
            using CancellationTokenRegistration onCancel = cancellationToken.Register(() => stopping.TrySetResult());
            Task finished = await Task.WhenAny(stopping.Task, replica.Fatal);
            if (finished == replica.Fatal)
            {
                ServerLog.Fatal(logger, replica.Fatal.Exception?.InnerException ?? new InvalidOperationException("fatal"), options.Name);
                return 1;
            }
            ServerLog.ShuttingDown(logger, options.Name);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        finally
        {
            await StopAsync(app, replica);
        }
    }

    /// <summary>
    /// Starts a replica inside this process and returns once it serves (joined, when <see cref="ServerOptions.Join"/>
    /// is set): what <see cref="RunAsync"/> runs, for tests and tools that embed a server. Disposing the handle
    /// stops it as SIGTERM does.
    /// </summary>
    public static async Task<ServerHandle> StartAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        (WebApplication app, ReplicatedStore replica, ILogger logger) = await StartReplicaAsync(options, cancellationToken);
        try
        {
            await StartServingAsync(options, app, replica, logger, cancellationToken);
        }
        catch
        {
            await StopAsync(app, replica);
            throw;
        }
        return new ServerHandle(options, app.Services, replica.Fatal, () => StopAsync(app, replica));
    }

    private static async Task<(WebApplication App, ReplicatedStore Replica, ILogger Logger)> StartReplicaAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        WebApplication app = Build(options, out ReplicaSlot slot);
        ILogger logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RaftOrchestrator.Server");
        if (options.UnsafeNoFollowerFsync)
        {
            ServerLog.UnsafeNoFsync(logger, options.Name);
        }
        PeerChannels peers = app.Services.GetRequiredService<PeerChannels>();
        ReplicatedStore replica = await ReplicatedStore.StartAsync(
            ReplicaOptionsFor(options), new GrpcPeerTransport(peers), app.Services.GetRequiredService<ILoggerFactory>(), cancellationToken);
        slot.Replica = replica;
        return (app, replica, logger);
    }

    private static async Task StartServingAsync(ServerOptions options, WebApplication app, ReplicatedStore replica, ILogger logger, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken);
        ServerLog.Serving(logger, options.Name, options.ClientUrl, MemberIds.Format(options.PeerListen), options.DataDirectory);
        KubeApiHosting.WriteKubeconfig(options, app.Services, logger);
        if (options.Join is { } join && !replica.IsMember)
        {
            await new JoinClient(app.Services.GetRequiredService<PeerChannels>(), logger).JoinAsync(join, replica, cancellationToken);
        }
    }

    private static async Task StopAsync(WebApplication app, ReplicatedStore replica)
    {
        await app.StopAsync(CancellationToken.None);
        await replica.DisposeAsync();
        await app.DisposeAsync();
    }

    private static WebApplication Build(ServerOptions options, out ReplicaSlot slot)
    {
        // The content root is the binaries' folder: the host watches it for configuration changes, and a data
        // directory or the file system root under a watcher costs a notification per log write (or a full scan).
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        ConsoleLogging.Configure(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.ClientListen, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(options.ApiListen, listen =>
            {
                if (options.ApiTls)
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(X509Certificate2.CreateFromPemFile(options.TlsCertFile!, options.TlsKeyFile));
                }
                else
                {
                    listen.Protocols = HttpProtocols.Http1;
                }
            });
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1_024;
        });
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = 8 << 20;
            grpc.MaxSendMessageSize = null;
        });
        var holder = new ReplicaSlot();
        slot = holder;
        builder.Services.AddSingleton(holder);
        builder.Services.AddSingleton(_ => holder.Replica ?? throw new InvalidOperationException("The replica is not started."));
        builder.Services.AddSingleton<EtcdHeaders>();
        builder.Services.AddSingleton<PeerChannels>();
        builder.Services.AddSingleton(new Failpoints(options.FailpointKillAfterAcks, options.FailpointPidsFile));
        KubeApiHosting.AddServices(builder.Services, options, ApiCatalog.Default);
        WebApplication app = builder.Build();
        int apiPort = options.ApiListen.Port;
        KubeApiRouter router = app.Services.GetRequiredService<KubeApiRouter>();
        app.MapWhen(context => context.Connection.LocalPort == apiPort, api => api.Run(router.HandleAsync));
        app.MapGrpcService<KvService>();
        app.MapGrpcService<WatchService>();
        app.MapGrpcService<LeaseService>();
        app.MapGrpcService<ClusterService>();
        app.MapGrpcService<MaintenanceService>();
        app.MapGrpcService<PeerService>();
        return app;
    }

    private static ReplicaOptions ReplicaOptionsFor(ServerOptions options) => new()
    {
        Name = options.Name,
        DataDirectory = options.DataDirectory,
        PeerEndPoint = options.PeerListen,
        AdvertisedPeerEndPoint = options.AdvertisePeer,
        ClientUrls = [options.ClientUrl],
        ClusterInit = options.ClusterInit,
        LowerElectionTimeout = Math.Clamp(options.ElectionTimeoutMinMs, 10, options.ElectionTimeoutMs - 1),
        UpperElectionTimeout = options.ElectionTimeoutMs,
        RequestTimeout = TimeSpan.FromMilliseconds(options.ElectionTimeoutMs),
        DurableFollowerAppends = !options.UnsafeNoFollowerFsync,
        StateMachine = new StateMachineOptions { SnapshotEntries = options.SnapshotEntries },
        PropagateCommits = options.PropagateCommits,
        Pipeline = new PipelineOptions { MaxInflight = options.MaxInflight },
    };
}
