using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.ReplicaSets;

internal sealed partial class ReplicaSetReconciler<TOwner>
{
    /// <summary>
    /// Kubernetes' ClaimPods: the active pods the owner controls after adopting orphans its selector matches and
    /// releasing pods it controls that no longer match. Pods controlled by others are ignored. Adoption needs the
    /// owner alive and not terminating, checked once with a live read (the cache may still show an owner that was
    /// just deleted); a terminating pod is never adopted; an owner being deleted neither adopts nor releases.
    /// </summary>
    /// <returns>The claimed pods, and the failures (joined) when some adoption or release failed.</returns>
    private async Task<(List<Pod> Claimed, string? Failure)> ClaimPodsAsync(TOwner owner, LabelSelectorMatcher selector, List<Pod> pods, CancellationToken cancellationToken)
    {
        var claimed = new List<Pod>();
        var failures = new List<string>();
        string? adoptRefusal = null;
        bool adoptChecked = false;
        bool ownerDeleting = owner.Metadata.DeletionTimestamp is not null;
        foreach (Pod pod in pods)
        {
            bool matches = selector.Matches(pod.Metadata.Labels);
            OwnerReference? controller = ControllerRefs.ControllerOf(pod);
            if (controller is not null)
            {
                if (controller.Uid != owner.Metadata.Uid)
                {
                    continue;
                }
                if (matches)
                {
                    claimed.Add(pod);
                }
                else if (!ownerDeleting && await ReleaseAsync(owner, pod, cancellationToken) is { } failed)
                {
                    failures.Add(failed);
                }
                continue;
            }
            if (ownerDeleting || !matches || pod.Metadata.DeletionTimestamp is not null || pod.Metadata.Namespace != owner.Metadata.Namespace)
            {
                continue;
            }
            if (!adoptChecked)
            {
                adoptChecked = true;
                adoptRefusal = await RecheckOwnerAsync(owner, cancellationToken);
            }
            if (adoptRefusal is not null)
            {
                failures.Add($"can't adopt Pod {pod.Metadata.Namespace}/{pod.Metadata.Name} ({pod.Metadata.Uid}): {adoptRefusal}");
                continue;
            }
            Patch adopt = OwnerReferencePatches.Adopt(pod.Metadata.Uid, ControllerRefs.For(owner, _kind.ApiVersion, _kind.Kind));
            ApiResult<Pod> adopted = await PatchPodAsync(pod, adopt, cancellationToken);
            if (adopted.IsOk)
            {
                ReplicaSetLog.Adopted(_logger, _controller, ObjectKey.Of(owner).ToString(), pod.Metadata.Name ?? "");
                claimed.Add(adopted.Value);
            }
            else if (!adopted.IsNotFound)
            {
                failures.Add(adopted.Error.Message ?? adopted.ToString());
            }
        }
        return (claimed, failures.Count == 0 ? null : string.Join("; ", failures));
    }

    /// <summary>Removes the owner's reference; a pod gone (404) or replaced (422: its uid changed) needs nothing.</summary>
    private async Task<string?> ReleaseAsync(TOwner owner, Pod pod, CancellationToken cancellationToken)
    {
        Patch release = OwnerReferencePatches.Remove(pod.Metadata.Uid, [owner.Metadata.Uid ?? ""]);
        ApiResult<Pod> released = await PatchPodAsync(pod, release, cancellationToken);
        if (released.IsOk)
        {
            ReplicaSetLog.Released(_logger, _controller, ObjectKey.Of(owner).ToString(), pod.Metadata.Name ?? "");
            return null;
        }
        return released.IsNotFound || released.IsInvalid ? null : released.Error.Message ?? released.ToString();
    }

    /// <summary>Kubernetes' RecheckDeletionTimestamp: null when the live owner is this one and not terminating.</summary>
    private async Task<string?> RecheckOwnerAsync(TOwner owner, CancellationToken cancellationToken)
    {
        ObjectMeta cached = owner.Metadata;
        ApiResult<TOwner> fresh = await _ownerClient.GetAsync(cached.Namespace, cached.Name ?? "", cancellationToken);
        if (!fresh.IsOk)
        {
            return fresh.Error.Message ?? fresh.ToString();
        }
        ObjectMeta live = fresh.Value.Metadata;
        if (live.Uid != cached.Uid)
        {
            return $"original {cached.Namespace}/{cached.Name} is gone: got uid {live.Uid}, wanted {cached.Uid}";
        }
        return live.DeletionTimestamp is { } deleted ? $"{cached.Namespace}/{cached.Name} has just been deleted at {deleted:O}" : null;
    }

    private Task<ApiResult<Pod>> PatchPodAsync(Pod pod, Patch patch, CancellationToken cancellationToken) =>
        _podClient.PatchAsync(pod.Metadata.Namespace, pod.Metadata.Name ?? "", patch, cancellationToken: cancellationToken);
}
