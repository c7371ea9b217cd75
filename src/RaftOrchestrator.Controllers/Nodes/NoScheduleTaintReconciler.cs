using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>
/// TaintNodesByCondition (Kubernetes' doNoScheduleTaintingPass), per node key: the node's NoSchedule taints from
/// node.kubernetes.io/* are exactly those its conditions and spec.unschedulable call for — not-ready or unreachable
/// while Ready is False or Unknown, memory/disk/pid-pressure and network-unavailable while those are True,
/// unschedulable while cordoned. Applied at once, not rate-limited: they only keep new pods away.
/// </summary>
public sealed class NoScheduleTaintReconciler(IClusterClient client, ILister<Node> nodes, TimeProvider time) : IReconciler
{
    public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        Node? node = nodes.Get(null, key.Name);
        if (node is null)
        {
            return ReconcileResult.Done;
        }
        List<Taint> desired = Desired(node);
        Taint[] present = [.. node.Spec?.Taints?.Where(NodeTaints.IsConditionTaint) ?? []];
        Taint[] add = [.. desired.Where(d => !present.Any(p => NodeTaints.Matches(p, d)))];
        Taint[] remove = [.. present.Where(p => !desired.Exists(d => NodeTaints.Matches(p, d)))];
        if (add.Length == 0 && remove.Length == 0)
        {
            return ReconcileResult.Done;
        }
        return await NodeWrites.SwapTaintsAsync(client, node, add, remove, ApiTime.Now(time), cancellationToken)
            ? ReconcileResult.Done
            : ReconcileResult.Retry($"taints of node {key.Name} not written");
    }

    public static List<Taint> Desired(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var taints = new List<Taint>();
        foreach (NodeCondition condition in node.Status?.Conditions ?? [])
        {
            if (NodeTaints.NoScheduleKeyFor(condition.Type, condition.Status) is { } key && !taints.Exists(t => t.Key == key))
            {
                taints.Add(new Taint { Key = key, Effect = NodeTaints.NoSchedule });
            }
        }
        if (node.Spec?.Unschedulable == true)
        {
            taints.Add(new Taint { Key = NodeTaints.Unschedulable, Effect = NodeTaints.NoSchedule });
        }
        return taints;
    }
}
