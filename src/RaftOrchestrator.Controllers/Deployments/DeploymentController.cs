using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Queues;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Deployments;

/// <summary>
/// The deployment controller: rolls Deployments out through ReplicaSets (<see cref="DeploymentReconciler"/>).
/// A Deployment is reconciled when it changes, when a ReplicaSet it controls changes (or an orphan it could adopt),
/// and, for Recreate Deployments, when a pod of one of its ReplicaSets changes (the rollout waits for old pods).
/// </summary>
public sealed class DeploymentController : IController
{
    public const string ControllerName = "deployment";

    private readonly List<IDisposable> _registrations = [];
    private ControllerContext? _context;
    private IWorkQueue<ObjectKey>? _queue;
    private DeploymentReconciler? _reconciler;
    private ILogger? _logger;
    private ILister<Deployment>? _deployments;
    private ILister<ReplicaSet>? _replicaSets;

    public string Name => ControllerName;

    public void Register(ControllerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _logger = context.LoggerFactory.CreateLogger<DeploymentController>();
        _queue = context.NewQueue(ControllerName);
        IInformer<Deployment> deployments = context.Informers.For<Deployment>();
        IInformer<ReplicaSet> replicaSets = context.Informers.For<ReplicaSet>();
        IInformer<Pod> pods = context.Informers.For<Pod>();
        _deployments = deployments.Lister;
        _replicaSets = replicaSets.Lister;
        _reconciler = new DeploymentReconciler(context.Client, deployments.Lister, replicaSets.Lister, pods.Lister, context.Events, context.Time, _logger);
        _registrations.Add(deployments.AddHandler(EnqueueHandler.Self<Deployment>(_queue)));
        _registrations.Add(replicaSets.AddHandler(new EnqueueHandler<ReplicaSet>(_queue, DeploymentsOf)));
        _registrations.Add(pods.AddHandler(new EnqueueHandler<Pod>(_queue, RecreateDeploymentOf)));
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

    /// <summary>The Deployment controlling the ReplicaSet; for an orphan, every Deployment whose selector matches it.</summary>
    private List<ObjectKey> DeploymentsOf(ReplicaSet rs)
    {
        if (ControllerRefs.ControllerOf(rs) is { } owner)
        {
            return Controlling(rs.Metadata.Namespace, owner.Kind, owner.Name, owner.Uid) is { } d ? [ObjectKey.Of(d)] : [];
        }
        List<ObjectKey> matching = [];
        foreach (Deployment d in _deployments!.List(rs.Metadata.Namespace))
        {
            if (LabelSelectorMatcher.TryCreate(d.Spec.Selector, out LabelSelectorMatcher? selector, out _) && !selector.IsEmpty
                && selector.Matches(rs.Metadata.Labels))
            {
                matching.Add(ObjectKey.Of(d));
            }
        }
        if (matching.Count > 1)
        {
            DeploymentLog.SelectedByMany(_logger!, $"{rs.Metadata.Namespace}/{rs.Metadata.Name}", matching.Count);
        }
        return matching;
    }

    /// <summary>The Recreate Deployment whose ReplicaSet controls the pod, if any.</summary>
    private List<ObjectKey> RecreateDeploymentOf(Pod pod)
    {
        if (ControllerRefs.ControllerOf(pod) is not { Kind: "ReplicaSet" } owner
            || _replicaSets!.Get(pod.Metadata.Namespace, owner.Name) is not { } rs || rs.Metadata.Uid != owner.Uid
            || ControllerRefs.ControllerOf(rs) is not { } rsOwner
            || Controlling(rs.Metadata.Namespace, rsOwner.Kind, rsOwner.Name, rsOwner.Uid) is not { } d
            || RolloutMath.IsRollingUpdate(d))
        {
            return [];
        }
        return [ObjectKey.Of(d)];
    }

    private Deployment? Controlling(string? @namespace, string kind, string name, string uid) =>
        kind == ReplicaSetClaims.Kind && _deployments!.Get(@namespace, name) is { } d && d.Metadata.Uid == uid ? d : null;
}
