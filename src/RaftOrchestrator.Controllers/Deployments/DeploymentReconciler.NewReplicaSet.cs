using System.Globalization;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Deployments;

internal sealed partial class DeploymentReconciler
{
    /// <summary>
    /// Kubernetes' getNewReplicaSet. An existing new ReplicaSet gets the Deployment's annotations and minReadySeconds
    /// and a revision above every old one's (a rollback reuses an old ReplicaSet this way: it gets the next revision
    /// and keeps its former ones in revision-history); the Deployment's revision follows it. With
    /// <paramref name="create"/>, a missing new ReplicaSet is created, named for the template hash and sized for the
    /// first step. Null to go on; a result to stop with.
    /// </summary>
    private async Task<ReconcileResult?> SyncNewReplicaSetAsync(RolloutState state, bool create, CancellationToken cancellationToken)
    {
        Deployment deployment = state.Deployment;
        long newRevision = DeploymentAnnotations.MaxRevision(state.Old) + 1;
        if (state.New is { } existing)
        {
            ReplicaSet copy = ObjectCopy.Clone(existing);
            bool annotationsChanged = DeploymentAnnotations.SetNewReplicaSetAnnotations(deployment, copy, newRevision, exists: true,
                RolloutMath.MaxSurge(deployment), _logger);
            if (annotationsChanged || (copy.Spec.MinReadySeconds ?? 0) != (deployment.Spec.MinReadySeconds ?? 0))
            {
                copy.Spec.MinReadySeconds = deployment.Spec.MinReadySeconds;
                ApiResult<ReplicaSet> updated = await _replicaSets.UpdateAsync(copy, cancellationToken: cancellationToken);
                if (!updated.IsOk)
                {
                    return Failed($"updating replica set {copy.Metadata.Name}", updated);
                }
                existing = state.Replace(updated.Value);
            }
            string revision = existing.Metadata.Annotations?.GetValueOrDefault(DeploymentAnnotations.Revision) ?? "";
            if (await SetDeploymentRevisionAsync(state, revision, cancellationToken) is { } stopped)
            {
                return stopped;
            }
            if (RolloutProgress.HasProgressDeadline(state.Deployment)
                && DeploymentConditions.Get(state.Deployment.Status, DeploymentConditions.Progressing) is null)
            {
                DeploymentConditions.Set(state.Deployment.Status, DeploymentConditions.New(DeploymentConditions.Progressing, "True",
                    DeploymentConditions.FoundNewReplicaSet, $"Found new replica set \"{existing.Metadata.Name}\"", Now));
                return await WriteStatusAsync(state, cancellationToken);
            }
            return null;
        }
        return create ? await CreateNewReplicaSetAsync(state, newRevision, cancellationToken) : null;
    }

    private async Task<ReconcileResult?> CreateNewReplicaSetAsync(RolloutState state, long newRevision, CancellationToken cancellationToken)
    {
        Deployment deployment = state.Deployment;
        ReplicaSet rs = NewReplicaSetFor(deployment);
        rs.Spec.Replicas = RolloutMath.NewReplicaSetReplicas(deployment, state.Old.Append(rs), rs);
        DeploymentAnnotations.SetNewReplicaSetAnnotations(deployment, rs, newRevision, exists: false, RolloutMath.MaxSurge(deployment), _logger);
        ApiResult<ReplicaSet> created = await _replicaSets.CreateAsync(rs, cancellationToken: cancellationToken);
        bool alreadyExisted = false;
        if (created.IsAlreadyExists)
        {
            ApiResult<ReplicaSet> taken = await _replicaSets.GetAsync(rs.Metadata.Namespace, rs.Metadata.Name ?? "", cancellationToken);
            if (!taken.IsOk)
            {
                return Failed($"reading replica set {rs.Metadata.Name}", taken);
            }
            if (!ControllerRefs.IsControlledBy(taken.Value, deployment.Metadata.Uid)
                || !PodTemplateHash.EqualIgnoringHash(state.Template, taken.Value.Spec.Template))
            {
                return await BumpCollisionCountAsync(state, rs, cancellationToken);
            }
            // Ours, created by an earlier pass the cache has not shown yet.
            created = taken;
            alreadyExisted = true;
        }
        else if (!created.IsOk)
        {
            return await CreateFailedAsync(state, rs, created, cancellationToken);
        }
        state.AddNew(created.Value);
        int replicas = RolloutMath.Replicas(created.Value);
        if (!alreadyExisted && replicas > 0)
        {
            _events.Record(deployment, EventTypes.Normal, "ScalingReplicaSet", $"Scaled up replica set {created.Value.Metadata.Name} from 0 to {replicas}");
        }
        if (await SetDeploymentRevisionAsync(state, newRevision.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } stopped)
        {
            return stopped;
        }
        if (!alreadyExisted && RolloutProgress.HasProgressDeadline(state.Deployment))
        {
            DeploymentConditions.Set(state.Deployment.Status, DeploymentConditions.New(DeploymentConditions.Progressing, "True",
                DeploymentConditions.NewReplicaSetCreated, $"Created new replica set \"{created.Value.Metadata.Name}\"", Now));
            return await WriteStatusAsync(state, cancellationToken);
        }
        return null;
    }

    /// <summary>The new ReplicaSet (0 replicas): the template with the pod-template-hash label, which the selector also requires.</summary>
    private static ReplicaSet NewReplicaSetFor(Deployment deployment)
    {
        Deployment copy = ObjectCopy.Clone(deployment);
        string hash = PodTemplateHash.Compute(copy.Spec.Template, copy.Status.CollisionCount);
        copy.Spec.Template.Metadata.Labels = new Dictionary<string, string>(copy.Spec.Template.Metadata.Labels ?? [])
        {
            [PodTemplateHash.Label] = hash,
        };
        LabelSelector selector = copy.Spec.Selector ?? new LabelSelector();
        selector.MatchLabels = new Dictionary<string, string>(selector.MatchLabels ?? []) { [PodTemplateHash.Label] = hash };
        return new ReplicaSet
        {
            ApiVersion = "apps/v1",
            Kind = "ReplicaSet",
            Metadata = new ObjectMeta
            {
                Name = $"{deployment.Metadata.Name}-{hash}",
                Namespace = deployment.Metadata.Namespace,
                Labels = new Dictionary<string, string>(copy.Spec.Template.Metadata.Labels),
                OwnerReferences = [ControllerRefs.For(deployment, ReplicaSetClaims.ApiVersion, ReplicaSetClaims.Kind)],
            },
            Spec = new ReplicaSetSpec
            {
                Replicas = 0,
                MinReadySeconds = deployment.Spec.MinReadySeconds,
                Selector = selector,
                Template = copy.Spec.Template,
            },
        };
    }

    /// <summary>The name is another object's: count the collision so the next pass hashes to a new name.</summary>
    private async Task<ReconcileResult> BumpCollisionCountAsync(RolloutState state, ReplicaSet rs, CancellationToken cancellationToken)
    {
        int count = (state.Deployment.Status.CollisionCount ?? 0) + 1;
        state.Deployment.Status.CollisionCount = count;
        if (await WriteStatusAsync(state, cancellationToken) is { } stopped)
        {
            return stopped;
        }
        DeploymentLog.HashCollision(_logger, state.Deployment.Metadata.Name ?? "", rs.Metadata.Name ?? "", count);
        return ReconcileResult.Retry($"replica set name {rs.Metadata.Name} is taken; collisionCount raised to {count}");
    }

    private async Task<ReconcileResult> CreateFailedAsync(RolloutState state, ReplicaSet rs, ApiResult<ReplicaSet> created, CancellationToken cancellationToken)
    {
        string failure = $"creating replica set {rs.Metadata.Name}: {created}";
        if (created.Error!.Details?.Causes?.Exists(c => c.Reason == "NamespaceTerminating") == true)
        {
            return ReconcileResult.Retry(failure);
        }
        string message = $"Failed to create new replica set \"{rs.Metadata.Name}\": {created.Error.Message}";
        if (RolloutProgress.HasProgressDeadline(state.Deployment))
        {
            DeploymentConditions.Set(state.Deployment.Status, DeploymentConditions.New(DeploymentConditions.Progressing, "False",
                DeploymentConditions.ReplicaSetCreateError, message, Now));
            _ = await WriteStatusAsync(state, cancellationToken);
        }
        _events.Record(state.Deployment, EventTypes.Warning, DeploymentConditions.ReplicaSetCreateError, message);
        return ReconcileResult.Retry(failure);
    }

    /// <summary>
    /// Sets the Deployment's revision annotation by a merge patch of metadata (a status write would not keep it).
    /// A reply of a newer generation means the spec changed under this pass: stop; that change enqueues it again.
    /// </summary>
    private async Task<ReconcileResult?> SetDeploymentRevisionAsync(RolloutState state, string revision, CancellationToken cancellationToken)
    {
        Deployment deployment = state.Deployment;
        if (revision.Length == 0 || deployment.Metadata.Annotations?.GetValueOrDefault(DeploymentAnnotations.Revision) == revision)
        {
            return null;
        }
        var body = new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [DeploymentAnnotations.Revision] = revision } },
        };
        ApiResult<Deployment> patched = await _deployments.PatchAsync(deployment.Metadata.Namespace, deployment.Metadata.Name ?? "",
            Patch.MergeJson(body.ToJsonString()), cancellationToken: cancellationToken);
        if (!patched.IsOk)
        {
            return patched.IsNotFound ? ReconcileResult.Done : Failed("writing the revision annotation", patched);
        }
        if (patched.Value.Metadata.Generation != deployment.Metadata.Generation || patched.Value.Metadata.Uid != deployment.Metadata.Uid)
        {
            return ReconcileResult.Done;
        }
        state.Deployment = patched.Value;
        return null;
    }
}
