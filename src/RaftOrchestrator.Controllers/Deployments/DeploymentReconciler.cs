using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Deployments;

/// <summary>
/// Reconciles one Deployment as kube-controller-manager 1.32's deployment controller does: it owns ReplicaSets
/// named for a hash of the pod template, rolls a new template out by the Deployment's strategy (RollingUpdate
/// within maxSurge/maxUnavailable, or Recreate), resizes the ReplicaSets proportionally when the Deployment is
/// scaled mid-rollout, keeps revisions and revisionHistoryLimit old ReplicaSets, and reports status and the
/// Progressing and Available conditions kubectl rollout reads.
/// </summary>
/// <remarks>
/// One pass takes at most one step of a rollout (scale the new ReplicaSet up, or old ones down) and then writes
/// status; the ReplicaSet events the step causes bring the Deployment back for the next one. Every write carries
/// the resourceVersion it was computed from, so a decision made on a stale cache fails with a conflict and is
/// retried on fresher state instead of being applied twice. The ReplicaSet controller, not this one, makes pods.
/// </remarks>
internal sealed partial class DeploymentReconciler : IReconciler
{
    private readonly IResourceClient<Deployment> _deployments;
    private readonly IResourceClient<ReplicaSet> _replicaSets;
    private readonly ILister<Deployment> _deploymentLister;
    private readonly ILister<ReplicaSet> _replicaSetLister;
    private readonly ILister<Pod> _podLister;
    private readonly IEventRecorder _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ReplicaSetClaims _claims;

    public DeploymentReconciler(IClusterClient client, ILister<Deployment> deployments, ILister<ReplicaSet> replicaSets, ILister<Pod> pods,
        IEventRecorder events, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        _deployments = client.Resource<Deployment>();
        _replicaSets = client.Resource<ReplicaSet>();
        _deploymentLister = deployments;
        _replicaSetLister = replicaSets;
        _podLister = pods;
        _events = events;
        _time = time;
        _logger = logger;
        _claims = new ReplicaSetClaims(_replicaSets, _deployments, logger);
    }

    public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        Deployment? cached = _deploymentLister.Get(key.Namespace, key.Name);
        if (cached is null)
        {
            return ReconcileResult.Done;
        }
        Deployment deployment = ObjectCopy.Clone(cached);
        if (deployment.Spec.Selector is { } selector && (selector.MatchLabels?.Count ?? 0) == 0 && (selector.MatchExpressions?.Count ?? 0) == 0)
        {
            return await SelectingAllAsync(deployment, cancellationToken);
        }
        if (!LabelSelectorMatcher.TryCreate(deployment.Spec.Selector, out LabelSelectorMatcher? matcher, out _))
        {
            // The API validates selectors; an invalid one cannot own anything, and retrying cannot fix it.
            return ReconcileResult.Done;
        }
        (List<ReplicaSet> owned, string? failure) = await _claims.ClaimAsync(deployment, _replicaSetLister.List(key.Namespace), matcher, cancellationToken);
        if (failure is not null)
        {
            return ReconcileResult.Retry(failure);
        }
        var state = new RolloutState(deployment, owned, PodTemplateHash.Canonical(deployment.Spec.Template));
        state.Classify();
        if (deployment.Metadata.DeletionTimestamp is not null)
        {
            // The garbage collector removes the ReplicaSets; only the status is kept current meanwhile.
            return await SyncStatusOnlyAsync(state, cancellationToken);
        }
        if (await CheckPausedConditionsAsync(state, cancellationToken) is { } stopped)
        {
            return stopped;
        }
        if (deployment.Spec.Paused == true || IsScalingEvent(state))
        {
            return await SyncAsync(state, cancellationToken);
        }
        return RolloutMath.IsRollingUpdate(deployment)
            ? await RolloutRollingAsync(state, cancellationToken)
            : await RolloutRecreateAsync(state, cancellationToken);
    }

    /// <summary>Paused, or resized without a template change: resize the ReplicaSets, roll nothing out.</summary>
    private async Task<ReconcileResult> SyncAsync(RolloutState state, CancellationToken cancellationToken)
    {
        if (await SyncNewReplicaSetAsync(state, create: false, cancellationToken) is { } stopped)
        {
            return stopped;
        }
        if (await ScaleAsync(state, cancellationToken) is { } scaleStopped)
        {
            return scaleStopped;
        }
        if (state.Deployment.Spec.Paused == true && await CleanupAsync(state, cancellationToken) is { } cleanupStopped)
        {
            return cleanupStopped;
        }
        return await SyncDeploymentStatusAsync(state, cancellationToken);
    }

    private async Task<ReconcileResult> SyncStatusOnlyAsync(RolloutState state, CancellationToken cancellationToken)
    {
        if (await SyncNewReplicaSetAsync(state, create: false, cancellationToken) is { } stopped)
        {
            return stopped;
        }
        return await SyncDeploymentStatusAsync(state, cancellationToken);
    }

    /// <summary>An active ReplicaSet was sized for a different spec.replicas than the Deployment's now.</summary>
    private static bool IsScalingEvent(RolloutState state)
    {
        int replicas = RolloutMath.Replicas(state.Deployment);
        return RolloutMath.Active(state.All).Exists(rs => DeploymentAnnotations.DesiredReplicasOf(rs) is { } desired && desired != replicas);
    }

    private async Task<ReconcileResult> SelectingAllAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        _events.Record(deployment, EventTypes.Warning, "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
        if ((deployment.Status.ObservedGeneration ?? 0) >= (deployment.Metadata.Generation ?? 0))
        {
            return ReconcileResult.Done;
        }
        deployment.Status.ObservedGeneration = deployment.Metadata.Generation;
        ApiResult<Deployment> written = await _deployments.UpdateStatusAsync(deployment, cancellationToken: cancellationToken);
        return written.IsOk || written.IsNotFound ? ReconcileResult.Done : Failed("writing status", written);
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private static ReconcileResult Failed<T>(string action, ApiResult<T> result) => ReconcileResult.Retry($"{action}: {result}");
}
