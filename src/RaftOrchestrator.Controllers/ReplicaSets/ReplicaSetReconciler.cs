using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.ReplicaSets;

/// <summary>
/// Keeps an owner's number of active pods at spec.replicas (kube-controller-manager's syncReplicaSet, for both
/// ReplicaSets and ReplicationControllers through <see cref="IReplicaOwnerKind{TOwner}"/>):
/// <list type="number">
/// <item>claim: adopt matching orphans, release owned pods the selector no longer matches (<c>.Claim.cs</c>);</item>
/// <item>manage: create or delete the difference, unless the cache has not yet observed the last writes
/// (<see cref="ControllerExpectations"/>) or the owner is being deleted (<c>.Manage.cs</c>);</item>
/// <item>status: counts, observedGeneration and the ReplicaFailure condition, written only when changed
/// (<c>.Status.cs</c>).</item>
/// </list>
/// Pods owned by another controller are never touched. Reads come from the listers; every write goes through the
/// client; a failed write is a retry of the owner's key.
/// </summary>
internal sealed partial class ReplicaSetReconciler<TOwner> : IReconciler where TOwner : class, IKubernetesObject, new()
{
    private readonly string _controller;
    private readonly IReplicaOwnerKind<TOwner> _kind;
    private readonly ILister<TOwner> _owners;
    private readonly ILister<Pod> _pods;
    private readonly IResourceClient<TOwner> _ownerClient;
    private readonly IResourceClient<Pod> _podClient;
    private readonly IEventRecorder _events;
    private readonly ControllerExpectations _expectations;
    private readonly TimeProvider _time;
    private readonly ReplicaSetOptions _options;
    private readonly ILogger _logger;

    public ReplicaSetReconciler(string controller, IReplicaOwnerKind<TOwner> kind, ControllerContext context, ControllerExpectations expectations, ReplicaSetOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        _controller = controller;
        _kind = kind;
        _owners = context.Informers.For<TOwner>().Lister;
        _pods = context.Informers.For<Pod>().Lister;
        _ownerClient = context.Client.Resource<TOwner>();
        _podClient = context.Client.Resource<Pod>();
        _events = context.Events;
        _expectations = expectations;
        _time = context.Time;
        _options = options;
        _logger = context.LoggerFactory.CreateLogger("RaftOrchestrator.Controllers." + controller);
    }

    public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        TOwner? owner = _owners.Get(key.Namespace, key.Name);
        if (owner is null)
        {
            _expectations.Delete(key);
            return ReconcileResult.Done;
        }
        bool needsSync = _expectations.Satisfied(key, owner.Metadata.Uid ?? "", out TimeSpan expiresIn);
        if (!_kind.TryGetSelector(owner, out var selector, out string? invalid))
        {
            ReplicaSetLog.InvalidSelector(_logger, _controller, key.ToString(), invalid ?? "");
            return ReconcileResult.Done;   // retrying cannot help; an update of the owner enqueues it again
        }
        List<Pod> active = [.. _pods.List(key.Namespace).Where(PodReadiness.IsActive)];
        (List<Pod> claimed, string? claimFailure) = await ClaimPodsAsync(owner, selector, active, cancellationToken);
        if (claimFailure is not null)
        {
            return ReconcileResult.Retry(claimFailure);
        }
        string? manageFailure = null;
        if (!needsSync)
        {
            ReplicaSetLog.ExpectationsPending(_logger, _controller, key.ToString());
        }
        else if (owner.Metadata.DeletionTimestamp is null)
        {
            manageFailure = await ManageReplicasAsync(key, owner, claimed, cancellationToken);
        }
        DateTime now = Now();
        string? statusFailure = await UpdateStatusAsync(owner, CalculateStatus(owner, claimed, manageFailure, now), cancellationToken);
        if ((manageFailure ?? statusFailure) is { } failure)
        {
            return ReconcileResult.Retry(failure);
        }
        ReconcileResult result = AvailabilityRequeue(owner, claimed, now);
        return needsSync ? result : ReconcileResult.Earliest(result, ReconcileResult.After(expiresIn));
    }

    /// <summary>Whole seconds, as the API stores times.</summary>
    private DateTime Now()
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    private void Warn(TOwner owner, string reason, string message) => _events.Record(owner, EventTypes.Warning, reason, message);

    private void Normal(TOwner owner, string reason, string message) => _events.Record(owner, EventTypes.Normal, reason, message);
}
