using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Queues;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>
/// kube-controller-manager's "nodelifecycle": watches node heartbeats (kube-node-lease Leases and the Ready
/// condition), marks silent nodes Unknown, taints not-ready nodes NoSchedule at once and NoExecute at a per-zone rate
/// (<see cref="NodeHealthMonitor"/>), and marks the pods of nodes that stop being ready not ready. Evicting the pods
/// of NoExecute-tainted nodes is the <see cref="TaintEvictionController"/>'s part.
/// </summary>
/// <remarks>
/// Three loops: the monitor loop (one task; the monitor pass every nodeMonitorPeriod and the tainting pass every
/// nodeEvictionPeriod, never overlapping), the NoSchedule taint workers over node keys, and the pod workers over
/// pods just bound to a node. They share only the listers and the API, so their writes to one node may conflict;
/// each retries on conflict.
/// </remarks>
public sealed class NodeLifecycleController(NodeLifecycleOptions? options = null) : IController
{
    public const string ControllerName = "nodelifecycle";
    public const string PodQueueName = "nodelifecycle-pods";

    /// <summary>The pod informer index by spec.nodeName this controller adds (each controller adds its own).</summary>
    public const string PodsByNodeIndex = "nodelifecycle.nodeName";

    private readonly NodeLifecycleOptions _options = options ?? new NodeLifecycleOptions();
    private ControllerContext? _context;
    private IWorkQueue<ObjectKey>? _nodeQueue;
    private IWorkQueue<ObjectKey>? _podQueue;
    private ILogger? _logger;

    public string Name => ControllerName;

    /// <summary>The periodic passes; set by <see cref="Register"/>. Tests drive it directly.</summary>
    public NodeHealthMonitor? Monitor { get; private set; }

    public NoScheduleTaintReconciler? NoScheduleTaints { get; private set; }

    public PodNotReadyReconciler? PodReadiness { get; private set; }

    public void Register(ControllerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _logger = context.LoggerFactory.CreateLogger<NodeLifecycleController>();
        _nodeQueue = context.NewQueue(ControllerName);
        _podQueue = context.NewQueue(PodQueueName);
        IInformer<Node> nodes = context.Informers.For<Node>();
        IInformer<Lease> leases = context.Informers.For<Lease>();
        IInformer<Pod> pods = context.Informers.For<Pod>();
        pods.AddIndex(PodsByNodeIndex, PodsOnNode);
        Monitor = new NodeHealthMonitor(context.Client, nodes.Lister, leases.Lister, pods.Lister, PodsByNodeIndex, context.Events, _options, context.Time, _logger);
        NoScheduleTaints = new NoScheduleTaintReconciler(context.Client, nodes.Lister, context.Time);
        PodReadiness = new PodNotReadyReconciler(context.Client, pods.Lister, nodes.Lister, context.Events, context.Time);
        nodes.AddHandler(EnqueueHandler.Self<Node>(_nodeQueue));
        pods.AddHandler(new PodBindingHandler(_podQueue));
    }

    public async Task RunAsync(int workers, CancellationToken cancellationToken)
    {
        if (_context is null || _nodeQueue is null || _podQueue is null || Monitor is null || NoScheduleTaints is null || PodReadiness is null || _logger is null)
        {
            throw new InvalidOperationException("Register must be called before RunAsync");
        }
        if (!await _context.Informers.WaitForCacheSyncAsync(cancellationToken))
        {
            return;
        }
        await Task.WhenAll(
            ControllerWorkers.RunAsync(ControllerName, _nodeQueue, NoScheduleTaints, workers, _logger, cancellationToken),
            ControllerWorkers.RunAsync(PodQueueName, _podQueue, PodReadiness, workers, _logger, cancellationToken),
            Task.Run(() => MonitorLoopAsync(Monitor, _context.Time, _logger, cancellationToken), CancellationToken.None));
    }

    internal static IEnumerable<string> PodsOnNode(Pod pod) => pod.Spec.NodeName is { Length: > 0 } node ? [node] : [];

    private async Task MonitorLoopAsync(NodeHealthMonitor monitor, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.NodeEvictionPeriod, time);
        DateTimeOffset nextMonitor = time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (time.GetUtcNow() >= nextMonitor)
            {
                await PassAsync("monitor", monitor.MonitorAsync, logger, cancellationToken);
                nextMonitor = time.GetUtcNow() + _options.NodeMonitorPeriod;
            }
            await PassAsync("tainting", monitor.TaintAsync, logger, cancellationToken);
            try
            {
                await timer.WaitForNextTickAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>A pass that throws is logged and tried again at its next period (as a reconcile that throws is retried).</summary>
    private static async Task PassAsync(string name, Func<CancellationToken, Task> pass, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await pass(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the term ended
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            NodeLifecycleLog.PassFailed(logger, e, name);
        }
    }
}
