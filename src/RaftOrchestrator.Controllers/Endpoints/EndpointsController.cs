using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Queues;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Endpoints;

/// <summary>
/// kube-controller-manager's "endpoint": the core/v1 Endpoints of every service with a selector
/// (<see cref="EndpointsReconciler"/>). A service is queued when it changes, when a pod it selects (before or after
/// the change) changes, and when its Endpoints are deleted by someone else.
/// </summary>
public sealed class EndpointsController : IController
{
    public const string ControllerName = "endpoint";

    private ControllerContext? _context;
    private IWorkQueue<ObjectKey>? _queue;
    private EndpointsReconciler? _reconciler;
    private ILogger? _logger;

    public string Name => ControllerName;

    public void Register(ControllerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _logger = context.LoggerFactory.CreateLogger<EndpointsController>();
        _queue = context.NewQueue(ControllerName);
        IInformer<Service> services = context.Informers.For<Service>();
        IInformer<Pod> pods = context.Informers.For<Pod>();
        IInformer<Api.Core.Endpoints> endpoints = context.Informers.For<Api.Core.Endpoints>();
        _reconciler = new EndpointsReconciler(context.Client, services.Lister, pods.Lister, endpoints.Lister, context.Events, _logger);
        services.AddHandler(EnqueueHandler.Self<Service>(_queue));
        pods.AddHandler(new EnqueueHandler<Pod>(_queue, pod => ServicePods.ServicesSelecting(services.Lister, pod)));
        endpoints.AddHandler(new DeletionHandler<Api.Core.Endpoints>(_queue));
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
}
