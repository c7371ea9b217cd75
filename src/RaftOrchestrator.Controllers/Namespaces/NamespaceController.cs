using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Queues;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Namespaces;

/// <summary>
/// kube-controller-manager's "namespace": empties terminating namespaces and then finalizes them
/// (<see cref="NamespaceReconciler"/>). A namespace is queued when it changes while it has a deletionTimestamp,
/// and every five minutes again (Kubernetes' --namespace-sync-period) in case a pass was lost.
/// </summary>
public sealed class NamespaceController : IController
{
    public const string ControllerName = "namespace";

    private static readonly TimeSpan s_resync = TimeSpan.FromMinutes(5);

    private readonly ApiCatalog _catalog;
    private ControllerContext? _context;
    private IWorkQueue<ObjectKey>? _queue;
    private NamespaceReconciler? _reconciler;
    private ILogger? _logger;

    public NamespaceController()
        : this(ApiCatalog.Default)
    {
    }

    /// <summary>Over another catalog of content kinds (tests).</summary>
    public NamespaceController(ApiCatalog catalog) => _catalog = catalog ?? ApiCatalog.Default;

    public string Name => ControllerName;

    public void Register(ControllerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _logger = context.LoggerFactory.CreateLogger<NamespaceController>();
        _queue = context.NewQueue(ControllerName);
        IInformer<Namespace> namespaces = context.Informers.For<Namespace>();
        _reconciler = new NamespaceReconciler(context.Client, _catalog, context.Time, _logger);
        namespaces.AddHandler(new EnqueueHandler<Namespace>(_queue, Terminating), s_resync);
    }

    public async Task RunAsync(int workers, CancellationToken cancellationToken)
    {
        if (_context is null || _queue is null || _reconciler is null || _logger is null)
        {
            throw new InvalidOperationException("Register must be called before RunAsync");
        }
        if (!await _context.Informers.WaitForCacheSyncAsync(cancellationToken))
        {
            return;
        }
        await ControllerWorkers.RunAsync(ControllerName, _queue, _reconciler, workers, _logger, cancellationToken);
    }

    /// <summary>Only namespaces being deleted are this controller's business.</summary>
    internal static IEnumerable<ObjectKey> Terminating(Namespace ns) =>
        ns.Metadata.DeletionTimestamp is null ? [] : [ObjectKey.Of(ns)];
}
