using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Queues;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>
/// kube-controller-manager's "taint-eviction-controller": deletes the pods of NoExecute-tainted nodes once their
/// tolerations run out (<see cref="TaintEvictionReconciler"/>). A pod is queued when it changes, and every pod of a
/// node is queued when the node's NoExecute taints change; a pending deletion is a requeue at its deadline.
/// </summary>
public sealed class TaintEvictionController : IController
{
    public const string ControllerName = "taint-eviction-controller";

    /// <summary>The pod informer index by spec.nodeName this controller adds.</summary>
    public const string PodsByNodeIndex = "tainteviction.nodeName";

    private ControllerContext? _context;
    private IWorkQueue<ObjectKey>? _queue;
    private ILogger? _logger;

    public string Name => ControllerName;

    public TaintEvictionReconciler? Reconciler { get; private set; }

    public void Register(ControllerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _logger = context.LoggerFactory.CreateLogger<TaintEvictionController>();
        _queue = context.NewQueue(ControllerName);
        IInformer<Node> nodes = context.Informers.For<Node>();
        IInformer<Pod> pods = context.Informers.For<Pod>();
        pods.AddIndex(PodsByNodeIndex, NodeLifecycleController.PodsOnNode);
        Reconciler = new TaintEvictionReconciler(context.Client, pods.Lister, nodes.Lister, context.Events, context.Time, _logger);
        pods.AddHandler(new EnqueueHandler<Pod>(_queue, pod => pod.Spec.NodeName is { Length: > 0 } ? [ObjectKey.Of(pod)] : []));
        nodes.AddHandler(new NoExecuteTaintHandler(_queue, pods.Lister, PodsByNodeIndex));
    }

    public async Task RunAsync(int workers, CancellationToken cancellationToken)
    {
        if (_context is null || _queue is null || Reconciler is null || _logger is null)
        {
            throw new InvalidOperationException("Register must be called before RunAsync");
        }
        if (!await _context.Informers.WaitForCacheSyncAsync(cancellationToken))
        {
            return;
        }
        await ControllerWorkers.RunAsync(ControllerName, _queue, Reconciler, workers, _logger, cancellationToken);
    }
}
