using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Agent.StaticPods;

internal sealed partial class StaticPodManager
{
    private readonly IResourceClient<Pod> _client;
    /// <summary>A pod of this node as the agent's informer has it (namespace, name).</summary>
    private readonly Func<string, string, Pod?> _apiPod;
    /// <summary>Every pod of this node as the agent's informer has it.</summary>
    private readonly Func<IReadOnlyList<Pod>> _apiPods;
    private readonly Func<Node?> _node;
    /// <summary>Names already reported as taken by a pod that is no mirror (so once each).</summary>
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>
    /// The kubelet's mirror pod handling (syncPod and housekeeping): each running static pod has a mirror in the API of
    /// its name, annotated with its hash; a mirror marked for deletion (a user deleted it) or of another hash is deleted
    /// (grace 0, uid precondition) and created afresh; a mirror whose static pod is gone is deleted once the pod has
    /// stopped and every source has reported (so an agent restarting does not delete the mirrors of pods it is about to
    /// read again). No mirror is created while the Node is unknown or being deleted. False when a call failed.
    /// </summary>
    private async Task<bool> SyncMirrorsAsync(CancellationToken cancellationToken)
    {
        bool ok = true;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string uid, Pod pod) in _running)
        {
            string name = FullName(pod);
            names.Add(name);
            if (_stopping.Contains(uid))
            {
                continue; // its mirror stays until it has stopped; a pod replacing it waits as long
            }
            Pod? mirror = _apiPod(pod.Metadata.Namespace!, pod.Metadata.Name!);
            if (mirror is not null && !StaticPodAnnotations.IsMirror(mirror))
            {
                if (_taken.Add(name))
                {
                    StaticPodLog.NameTaken(_logger, name);
                }
                continue;
            }
            _taken.Remove(name);
            if (mirror is not null && (mirror.Metadata.DeletionTimestamp is not null || StaticPodAnnotations.MirrorHash(mirror) != uid))
            {
                string why = mirror.Metadata.DeletionTimestamp is not null ? "marked for deletion; recreating it" : "it mirrors another version of the static pod";
                if (!await DeleteMirrorAsync(mirror, why, cancellationToken))
                {
                    ok = false;
                    continue;
                }
                mirror = null;
            }
            if (mirror is null)
            {
                ok &= await CreateMirrorAsync(pod, cancellationToken);
            }
        }
        if (!SourcesReady())
        {
            return ok;
        }
        foreach (Pod mirror in _apiPods())
        {
            if (StaticPodAnnotations.IsMirror(mirror) && !names.Contains(FullName(mirror)))
            {
                ok &= await DeleteMirrorAsync(mirror, "its static pod is gone", cancellationToken);
            }
        }
        return ok;
    }

    /// <summary>
    /// A copy of the static pod with the mirror annotation and the Node as controlling owner (so the garbage collector
    /// deletes it with the Node); the API gives it its own uid. An existing mirror of the same hash counts as created.
    /// </summary>
    private async Task<bool> CreateMirrorAsync(Pod pod, CancellationToken cancellationToken)
    {
        Node? node = _node();
        if (node?.Metadata.DeletionTimestamp is not null)
        {
            return true; // a Node going away gets no mirrors
        }
        if (node?.Metadata.Uid is not { Length: > 0 } nodeUid)
        {
            return false; // not registered yet: later
        }
        string uid = pod.Metadata.Uid!;
        Pod mirror = StaticPodManifest.Copy(pod);
        mirror.Metadata.Uid = null;
        mirror.Metadata.ResourceVersion = null;
        mirror.Metadata.Annotations![StaticPodAnnotations.Mirror] = uid;
        mirror.Metadata.OwnerReferences = [new OwnerReference { ApiVersion = "v1", Kind = "Node", Name = _options.NodeName, Uid = nodeUid, Controller = true }];
        mirror.Status = new PodStatus { Phase = "Pending" };
        ApiResult<Pod> created = await _client.CreateAsync(mirror, cancellationToken: cancellationToken);
        if (created.IsOk)
        {
            StaticPodLog.MirrorCreated(_logger, FullName(pod), created.Value.Metadata.Uid ?? "");
            _pods.Kick(uid);
            return true;
        }
        if (created.IsAlreadyExists)
        {
            // Created by an earlier sync (the informer has not caught up) or by someone else: only a mirror of this
            // very pod will do; anything else is dealt with by the next sync, which sees it.
            ApiResult<Pod> existing = await _client.GetAsync(pod.Metadata.Namespace, pod.Metadata.Name!, cancellationToken);
            return existing.IsOk && StaticPodAnnotations.MirrorHash(existing.Value) == uid && existing.Value.Metadata.DeletionTimestamp is null;
        }
        StaticPodLog.MirrorFailed(_logger, FullName(pod), "create", created.Code, created.Reason, created.Error.Message);
        return false;
    }

    /// <summary>Deletes a mirror at once (grace 0) if it is still the object seen (uid precondition); gone already counts as deleted.</summary>
    private async Task<bool> DeleteMirrorAsync(Pod mirror, string why, CancellationToken cancellationToken)
    {
        var options = new DeleteOptions { GracePeriodSeconds = 0, Preconditions = new Preconditions { Uid = mirror.Metadata.Uid } };
        ApiResult<Pod> deleted = await _client.DeleteAsync(mirror.Metadata.Namespace, mirror.Metadata.Name!, options, cancellationToken);
        if (deleted.IsOk)
        {
            StaticPodLog.MirrorDeleted(_logger, FullName(mirror), mirror.Metadata.Uid ?? "", why);
            return true;
        }
        if (deleted.IsNotFound || deleted.IsConflict)
        {
            return true; // gone, or replaced by another object the next sync looks at
        }
        StaticPodLog.MirrorFailed(_logger, FullName(mirror), "delete", deleted.Code, deleted.Reason, deleted.Error.Message);
        return false;
    }
}
