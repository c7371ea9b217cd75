using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RaftOrchestrator.Agent.Env;
using RaftOrchestrator.Agent.Logs;
using RaftOrchestrator.Agent.Nodes;
using RaftOrchestrator.Agent.Pods;
using RaftOrchestrator.Agent.Probes;
using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Agent.StaticPods;
using RaftOrchestrator.Agent.Statuses;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Client.Informers;

namespace RaftOrchestrator.Agent;

/// <summary>
/// One node's agent (the kubelet): registers the Node, heartbeats through its Lease, reports node status, watches
/// only the pods bound to it (fieldSelector spec.nodeName) and runs them through an <see cref="IContainerRuntime"/>,
/// writing their status back. It also runs static pods from a manifest path or URL, each mirrored to the API
/// (<see cref="StaticPodManager"/>). It reaches the cluster only through <see cref="IClusterClient"/>.
/// </summary>
/// <remarks>
/// <see cref="RunAsync"/> runs until cancelled. Stopping the agent leaves the containers to the runtime, as a
/// kubelet restart leaves them running; the runtime's owner decides whether disposing it stops them.
/// </remarks>
public sealed class NodeAgent
{
    private readonly IClusterClient _client;
    private readonly IContainerRuntime _runtime;
    private readonly NodeAgentOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly IEventRecorder? _events;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PodManager? _pods;
    private StatusManager? _status;
    private StaticPodManager? _static;

    /// <remarks><paramref name="events"/>: Where events go; null: an <see cref="EventRecorder"/> of component "kubelet" over <paramref name="client"/>.</remarks>
    public NodeAgent(IClusterClient client, IContainerRuntime runtime, NodeAgentOptions options, TimeProvider? time = null, ILoggerFactory? loggers = null, IEventRecorder? events = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.NodeName);
        _client = client;
        _runtime = runtime;
        _options = options;
        _time = time ?? TimeProvider.System;
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _events = events;
        Logs = new ContainerLogs(() => Volatile.Read(ref _pods), runtime, options.DataDirectory, _time);
    }

    /// <summary>Completes once the Node is registered and the first list of its pods is in (faults: when RunAsync ends first).</summary>
    public Task Started => _started.Task;

    /// <summary>The pods the agent has a worker for.</summary>
    public int Pods => _pods?.Count ?? 0;

    /// <summary>The static pods the agent has a worker for (running or stopping).</summary>
    public int StaticPods => _static?.Count ?? 0;

    /// <summary>Pod status writes so far.</summary>
    public long StatusWrites => _status?.Writes ?? 0;

    /// <summary>The logs of the containers it runs (`kubectl logs`, through the agent's HTTP endpoint).</summary>
    public ContainerLogs Logs { get; }

    public NodeStatusReporter? NodeStatus { get; private set; }

    public NodeLeaseRenewer? Lease { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ILogger logger = _loggers.CreateLogger("RaftOrchestrator.Agent");
        HostFacts host = _options.Host ?? HostFacts.Read(_options.DataDirectory, _options.InternalIP);
        EventRecorder? own = _events is null
            ? new EventRecorder(_client, new EventRecorderOptions { Component = "kubelet", Host = _options.NodeName }, _time, _loggers.CreateLogger("RaftOrchestrator.Client.Events"))
            : null;
        IEventRecorder events = _events ?? own!;
        using SocketsHttpHandler? ownHandler = _options.HttpHandler is null ? DefaultHandler() : null;
        using var http = new HttpClient(_options.HttpHandler ?? ownHandler!, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            AgentLog.Started(logger, _options.NodeName, _runtime.Name, _runtime.Version);
            var reporter = new NodeStatusReporter(_client, _options, host, _runtime, events, _time, logger);
            NodeStatus = reporter;
            Node node = await reporter.RegisterAsync(cancellationToken);
            reporter.RecordStarting(node);
            var lease = new NodeLeaseRenewer(_client, _options, () => reporter.Node, _time, logger);
            Lease = lease;

            var informer = new Informer<Pod>(_client.Resource<Pod>(), _time, _loggers.CreateLogger("RaftOrchestrator.Agent.Pods"), new InformerOptions
            {
                FieldSelector = $"spec.nodeName={_options.NodeName}",
                MinWatchTimeout = _options.PodWatchTimeout,
            });
            var status = new StatusManager(_client, (ns, name) => informer.Lister.Get(ns, name), _time, logger);
            _status = status;
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var context = new PodContext
            {
                Options = _options,
                Runtime = _runtime,
                Environment = new EnvironmentResolver(_client),
                Status = status,
                Events = events,
                Actions = new ActionRunner(_runtime, http, _time),
                Time = _time,
                Logger = logger,
                HostIP = host.InternalIP,
                Allocatable = reporter.Status(null).Allocatable!,
            };
            var pods = new PodManager(context, stopping.Token);
            _pods = pods;
            using SocketsHttpHandler? manifestHandler = _options.StaticPodUrl is not null && _options.StaticPodUrlHandler is null ? new SocketsHttpHandler() : null;
            using HttpClient? manifestHttp = _options.StaticPodUrl is null ? null : new HttpClient(_options.StaticPodUrlHandler ?? manifestHandler!, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            List<ManifestPoller> pollers = Pollers(manifestHttp, logger);
            var statics = new StaticPodManager(
                [.. pollers.Select(p => p.SourceName)], pods, _client.Resource<Pod>(), (ns, name) => informer.Lister.Get(ns, name), () => informer.Lister.List(),
                () => reporter.Node, _options, _time, logger);
            _static = statics;
            pods.MirrorChanged = statics.MirrorChanged;
            pods.WorkerFinished = statics.WorkerFinished;
            using IDisposable handler = informer.AddHandler(pods);
            Task[] loops =
            [
                lease.RunAsync(stopping.Token),
                reporter.RunAsync(stopping.Token),
                status.RunAsync(_options.StatusWriters, stopping.Token),
                informer.RunAsync(stopping.Token),
                pods.RunEventsAsync(stopping.Token),
                pods.RunResyncAsync(stopping.Token),
                statics.RunAsync(stopping.Token),
                .. pollers.Select(p => p.RunAsync(statics.SetSource, stopping.Token)),
            ];
            if (await informer.WaitForSyncAsync(stopping.Token))
            {
                _started.TrySetResult();
            }
            await Task.WhenAll(loops);
            await pods.WhenStoppedAsync();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            _started.TrySetCanceled(cancellationToken.IsCancellationRequested ? cancellationToken : new CancellationToken(true));
            if (own is not null)
            {
                await own.DisposeAsync();
            }
            AgentLog.Stopped(logger, _options.NodeName);
        }
    }

    /// <summary>The static pod sources configured: the manifest path first (it wins a duplicate name), then the URL.</summary>
    private List<ManifestPoller> Pollers(HttpClient? manifestHttp, ILogger logger)
    {
        var pollers = new List<ManifestPoller>();
        if (_options.StaticPodPath is { Length: > 0 } path)
        {
            var source = new ManifestDirectory(path, _options.NodeName, logger);
            pollers.Add(new ManifestPoller(source, _options.FileCheckFrequency, _time, logger, _options.WatchStaticPodPath ? path : null));
        }
        if (_options.StaticPodUrl is { } url)
        {
            var source = new ManifestUrl(url, _options.NodeName, manifestHttp!, logger);
            pollers.Add(new ManifestPoller(source, _options.HttpCheckFrequency, _time, logger));
        }
        return pollers;
    }

    /// <summary>
    /// Probes and hooks: no proxy, no redirects (a 3xx is a success as it is), and no certificate checks: the
    /// kubelet's prober skips them too (InsecureSkipVerify), since a pod's serving certificate is not for its IP.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5359:Do not disable certificate validation", Justification = "HTTPS probes check that the pod answers, not who it is, as the kubelet's do.")]
    private static SocketsHttpHandler DefaultHandler() => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    };
}
