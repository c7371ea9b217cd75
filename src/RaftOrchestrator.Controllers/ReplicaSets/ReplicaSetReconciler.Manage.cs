using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.ReplicaSets;

internal sealed partial class ReplicaSetReconciler<TOwner>
{
    /// <summary>
    /// Creates or deletes the difference between the claimed pods and spec.replicas, at most
    /// <see cref="ReplicaSetOptions.BurstReplicas"/> per sync. Expectations are set before the first write (an
    /// informer event may arrive before the call returns) and lowered for every write that failed or was skipped.
    /// </summary>
    /// <returns>The first failure, or null.</returns>
    private async Task<string?> ManageReplicasAsync(ObjectKey key, TOwner owner, List<Pod> claimed, CancellationToken cancellationToken)
    {
        string uid = owner.Metadata.Uid ?? "";
        int want = _kind.Replicas(owner);
        int diff = claimed.Count - want;
        if (diff < 0)
        {
            int count = Math.Min(-diff, _options.BurstReplicas);
            ReplicaSetLog.TooFewReplicas(_logger, _controller, key.ToString(), want, claimed.Count, count);
            _expectations.ExpectCreations(key, uid, count);
            (int created, string? failure) = await SlowStart.RunAsync(count, () => CreatePodAsync(owner, cancellationToken));
            for (int skipped = count - created; skipped > 0; skipped--)
            {
                _expectations.CreationObserved(key, uid);
            }
            return failure;
        }
        if (diff > 0)
        {
            int count = Math.Min(diff, _options.BurstReplicas);
            ReplicaSetLog.TooManyReplicas(_logger, _controller, key.ToString(), want, claimed.Count, count);
            List<Pod> victims = PodDeletionOrder.PodsToDelete(claimed, RelatedPods(owner), count);
            _expectations.ExpectDeletions(key, uid, victims.Select(ReplicaPodHandler<TOwner>.PodKey));
            string?[] failures = await Task.WhenAll(victims.Select(pod => DeletePodAsync(key, owner, pod, cancellationToken)));
            return failures.FirstOrDefault(f => f is not null);
        }
        return null;
    }

    /// <returns>Null on success (or when the namespace is terminating, which no retry can fix); else the failure.</returns>
    private async Task<string?> CreatePodAsync(TOwner owner, CancellationToken cancellationToken)
    {
        ApiResult<Pod> created = await _podClient.CreateAsync(PodFromTemplate(owner), cancellationToken: cancellationToken);
        if (created.IsOk)
        {
            Normal(owner, "SuccessfulCreate", $"Created pod: {created.Value.Metadata.Name}");
            return null;
        }
        if (created.Error.Details?.Causes?.Exists(c => c.Reason == "NamespaceTerminating") == true)
        {
            return null;
        }
        string message = created.Error.Message ?? created.ToString();
        Warn(owner, "FailedCreate", $"Error creating: {message}");
        return message;
    }

    /// <summary>Deletes one pod (guarded by its uid); a pod already gone is no failure, but is no longer expected either.</summary>
    private async Task<string?> DeletePodAsync(ObjectKey key, TOwner owner, Pod pod, CancellationToken cancellationToken)
    {
        var options = new DeleteOptions { Preconditions = new Preconditions { Uid = pod.Metadata.Uid } };
        ApiResult<Pod> deleted = await _podClient.DeleteAsync(pod.Metadata.Namespace, pod.Metadata.Name ?? "", options, cancellationToken);
        if (deleted.IsOk)
        {
            Normal(owner, "SuccessfulDelete", $"Deleted pod: {pod.Metadata.Name}");
            return null;
        }
        _expectations.DeletionObserved(key, owner.Metadata.Uid ?? "", ReplicaPodHandler<TOwner>.PodKey(pod));
        if (deleted.IsNotFound || deleted.IsConflict)
        {
            return null;   // gone, or replaced by another pod of that name (the uid precondition failed)
        }
        string message = deleted.Error.Message ?? deleted.ToString();
        Warn(owner, "FailedDelete", $"Error deleting: {message}");
        return message;
    }

    /// <summary>
    /// Kubernetes' GetPodFromTemplate: the template's labels, annotations, finalizers and spec, named
    /// <c>&lt;owner&gt;-&lt;random&gt;</c> by the server, in the owner's namespace, controlled by the owner.
    /// </summary>
    private Pod PodFromTemplate(TOwner owner)
    {
        PodTemplateSpec template = _kind.Template(owner) ?? new PodTemplateSpec();
        Pod pod = ObjectCopy.Clone(new Pod { Metadata = template.Metadata, Spec = template.Spec });
        string prefix = owner.Metadata.Name + "-";
        pod.Metadata = new ObjectMeta
        {
            GenerateName = prefix.Length <= 253 ? prefix : owner.Metadata.Name,
            Namespace = owner.Metadata.Namespace,
            Labels = pod.Metadata.Labels,
            Annotations = pod.Metadata.Annotations,
            Finalizers = pod.Metadata.Finalizers,
            OwnerReferences = [ControllerRefs.For(owner, _kind.ApiVersion, _kind.Kind)],
        };
        return pod;
    }

    /// <summary>
    /// Pods of the owner and of its siblings (owners of this kind with the same controller, e.g. a Deployment's
    /// ReplicaSets), matched by selector, each once: the scale-down ranks pods doubled up on a node with them first.
    /// </summary>
    private List<Pod> RelatedPods(TOwner owner)
    {
        if (ControllerRefs.ControllerOf(owner)?.Uid is not { Length: > 0 } controller)
        {
            return [];
        }
        var seen = new Dictionary<string, Pod>(StringComparer.Ordinal);
        foreach (TOwner sibling in _owners.ByIndex(InformerIndexes.OwnerUid, controller))
        {
            if (sibling.Metadata.Namespace != owner.Metadata.Namespace || !ControllerRefs.IsControlledBy(sibling, controller)
                || !_kind.TryGetSelector(sibling, out var selector, out _))
            {
                continue;
            }
            foreach (Pod pod in _pods.List(owner.Metadata.Namespace, selector))
            {
                seen.TryAdd(pod.Metadata.Uid ?? pod.Metadata.Name ?? "", pod);
            }
        }
        return [.. seen.Values];
    }
}
