using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Queues;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.ReplicaSets;

/// <summary>
/// The wiring shared by <see cref="ReplicaSetController"/> and <see cref="ReplicationManager"/>: owner events
/// enqueue the owner, pod events go through <see cref="ReplicaPodHandler{TOwner}"/>, and the workers run the one
/// <see cref="ReplicaSetReconciler{TOwner}"/> once every informer has synced.
/// </summary>
internal sealed class ReplicaControllerCore<TOwner>(string name, IReplicaOwnerKind<TOwner> kind, ReplicaSetOptions options)
    where TOwner : class, IKubernetesObject, new()
{
    private ControllerContext? _context;
    private IWorkQueue<ObjectKey>? _queue;
    private ReplicaSetReconciler<TOwner>? _reconciler;

    public string Name => name;

    public void Register(ControllerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _queue = context.NewQueue(name);
        var expectations = new ControllerExpectations(context.Time);
        var owners = context.Informers.For<TOwner>();
        owners.AddHandler(EnqueueHandler.Self<TOwner>(_queue));
        context.Informers.For<Pod>().AddHandler(new ReplicaPodHandler<TOwner>(kind, owners.Lister, expectations, _queue));
        _reconciler = new ReplicaSetReconciler<TOwner>(name, kind, context, expectations, options);
    }

    public async Task RunAsync(int workers, CancellationToken cancellationToken)
    {
        if (_context is null || _queue is null || _reconciler is null)
        {
            throw new InvalidOperationException($"{name}: Register must be called before RunAsync");
        }
        if (!await _context.Informers.WaitForCacheSyncAsync(cancellationToken))
        {
            return;
        }
        ILogger logger = _context.LoggerFactory.CreateLogger("RaftOrchestrator.Controllers." + name);
        await ControllerWorkers.RunAsync(name, _queue, _reconciler, workers, logger, cancellationToken);
    }
}
