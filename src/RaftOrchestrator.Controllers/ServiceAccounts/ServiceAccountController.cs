using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Queues;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.ServiceAccounts;

/// <summary>
/// kube-controller-manager's "serviceaccount": a "default" ServiceAccount in every active namespace, recreated when
/// deleted (<see cref="ServiceAccountReconciler"/>). A namespace is queued when it is added or changes, and when one
/// of its managed accounts is deleted.
/// </summary>
public sealed class ServiceAccountController : IController
{
    public const string ControllerName = "serviceaccount";

    /// <summary>The accounts every namespace gets (Kubernetes' ServiceAccountsControllerOptions default).</summary>
    public static IReadOnlyList<string> DefaultAccounts { get; } = ["default"];

    private readonly IReadOnlyList<string> _managed;
    private ControllerContext? _context;
    private IWorkQueue<ObjectKey>? _queue;
    private ServiceAccountReconciler? _reconciler;
    private ILogger? _logger;

    public ServiceAccountController()
        : this(DefaultAccounts)
    {
    }

    public ServiceAccountController(IReadOnlyList<string> managed) => _managed = managed ?? DefaultAccounts;

    public string Name => ControllerName;

    public void Register(ControllerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _logger = context.LoggerFactory.CreateLogger<ServiceAccountController>();
        _queue = context.NewQueue(ControllerName);
        IInformer<Namespace> namespaces = context.Informers.For<Namespace>();
        IInformer<ServiceAccount> serviceAccounts = context.Informers.For<ServiceAccount>();
        _reconciler = new ServiceAccountReconciler(context.Client, namespaces.Lister, serviceAccounts.Lister, _managed, _logger);
        namespaces.AddHandler(EnqueueHandler.Self<Namespace>(_queue));
        serviceAccounts.AddHandler(new EnqueueHandler<ServiceAccount>(_queue, NamespaceOf));
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

    /// <summary>A managed account's namespace (the reconcile finds it present unless it was deleted).</summary>
    internal IEnumerable<ObjectKey> NamespaceOf(ServiceAccount account) =>
        _managed.Contains(account.Metadata.Name ?? "") && account.Metadata.Namespace is { Length: > 0 } ns ? [new ObjectKey(null, ns)] : [];
}
