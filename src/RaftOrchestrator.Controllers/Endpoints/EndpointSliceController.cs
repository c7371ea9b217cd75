using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Discovery;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Queues;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Endpoints;

/// <summary>
/// kube-controller-manager's "endpointslice": the EndpointSlices of every service with a selector
/// (<see cref="EndpointSliceReconciler"/>). A service is queued when it changes, when a pod it selects (before or
/// after the change) changes, and when one of its managed slices changes or is deleted.
/// </summary>
public sealed class EndpointSliceController : IController
{
    public const string ControllerName = "endpointslice";

    private readonly EndpointSliceOptions _options;
    private ControllerContext? _context;
    private IWorkQueue<ObjectKey>? _queue;
    private EndpointSliceReconciler? _reconciler;
    private ILogger? _logger;

    public EndpointSliceController()
        : this(new EndpointSliceOptions())
    {
    }

    public EndpointSliceController(EndpointSliceOptions options) => _options = options ?? new EndpointSliceOptions();

    public string Name => ControllerName;

    public void Register(ControllerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxEndpointsPerSlice, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.MaxEndpointsPerSlice, EndpointSliceResourceStrategy.MaxEndpoints);
        _context = context;
        _logger = context.LoggerFactory.CreateLogger<EndpointSliceController>();
        _queue = context.NewQueue(ControllerName);
        IInformer<Service> services = context.Informers.For<Service>();
        IInformer<Pod> pods = context.Informers.For<Pod>();
        IInformer<EndpointSlice> slices = context.Informers.For<EndpointSlice>();
        IInformer<Node> nodes = context.Informers.For<Node>();
        slices.AddIndex(EndpointSliceReconciler.ServiceIndex, EndpointSliceReconciler.ServiceKeys);
        _reconciler = new EndpointSliceReconciler(context.Client, services.Lister, pods.Lister, slices.Lister, nodes.Lister, new SliceTracker(),
            _options, context.Events, _logger);
        services.AddHandler(EnqueueHandler.Self<Service>(_queue));
        pods.AddHandler(new EnqueueHandler<Pod>(_queue, pod => ServicePods.ServicesSelecting(services.Lister, pod)));
        slices.AddHandler(new EnqueueHandler<EndpointSlice>(_queue, ServiceOf));
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

    private static IEnumerable<ObjectKey> ServiceOf(EndpointSlice slice) =>
        EndpointSliceReconciler.ServiceKeys(slice).Select(_ => new ObjectKey(slice.Metadata.Namespace, slice.Metadata.Labels![EndpointSliceLabels.ServiceName]));
}
