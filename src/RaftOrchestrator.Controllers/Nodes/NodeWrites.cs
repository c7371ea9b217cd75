using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>The node lifecycle controller's writes: taints on nodes, and the Ready condition of their pods.</summary>
public static class NodeWrites
{
    /// <summary>Tries of a taint swap: the first on the cached node, the rest on a fresh read after a conflict.</summary>
    private const int TaintUpdateAttempts = 5;

    /// <summary>
    /// Adds <paramref name="add"/> to the node's taints and removes <paramref name="remove"/>; NoExecute taints added
    /// get timeAdded = now. True when the node has the taints asked for (also when nothing had to change, or the node
    /// is gone — then there is nothing left to taint); false when the writes kept failing.
    /// </summary>
    public static async ValueTask<bool> SwapTaintsAsync(IClusterClient client, Node cached, IReadOnlyList<Taint> add, IReadOnlyList<Taint> remove, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(cached);
        IResourceClient<Node> nodes = client.Resource<Node>();
        Taint[] stamped = [.. add.Select(t => new Taint { Key = t.Key, Value = t.Value, Effect = t.Effect, TimeAdded = t.Effect == NodeTaints.NoExecute ? now : null })];
        Node node = cached;
        for (int attempt = 0; attempt < TaintUpdateAttempts; attempt++)
        {
            if (attempt > 0)
            {
                ApiResult<Node> fresh = await nodes.GetAsync(null, cached.Metadata.Name!, cancellationToken);
                if (fresh.IsNotFound)
                {
                    return true;
                }
                if (!fresh.IsOk)
                {
                    continue;
                }
                node = fresh.Value;
            }
            List<Taint>? taints = NodeTaints.Swap(node.Spec?.Taints ?? [], stamped, remove);
            if (taints is null)
            {
                return true;
            }
            Node changed = ObjectCopy.Clone(node);
            changed.Spec ??= new NodeSpec();
            changed.Spec.Taints = taints;
            ApiResult<Node> written = await nodes.UpdateAsync(changed, cancellationToken: cancellationToken);
            if (written.IsOk || written.IsNotFound)
            {
                return true;
            }
            if (written.IsInvalid)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>
    /// Sets Ready=False on each pod bound to <paramref name="nodeName"/> whose Ready condition is not False already,
    /// through pods/status, with a NodeNotReady warning on each pod changed. Pods that are gone are skipped. False if
    /// any write failed (the caller retries).
    /// </summary>
    public static async ValueTask<bool> MarkPodsNotReadyAsync(IClusterClient client, IEventRecorder events, IEnumerable<Pod> pods, string nodeName, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(pods);
        bool ok = true;
        foreach (Pod pod in pods)
        {
            if (pod.Spec.NodeName != nodeName || pod.Status.Conditions?.Find(c => c.Type == "Ready") is not { } ready || ready.Status == "False")
            {
                continue;
            }
            Pod changed = ObjectCopy.Clone(pod);
            PodCondition condition = changed.Status.Conditions!.Find(c => c.Type == "Ready")!;
            condition.Status = "False";
            condition.LastTransitionTime = now;
            ApiResult<Pod> written = await client.Resource<Pod>().UpdateStatusAsync(changed, cancellationToken: cancellationToken);
            if (written.IsNotFound)
            {
                continue;
            }
            if (!written.IsOk)
            {
                ok = false;
                continue;
            }
            events.Record(written.Value, EventTypes.Warning, "NodeNotReady", "Node is not ready");
        }
        return ok;
    }
}
