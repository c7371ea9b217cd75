using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Kube.Bindings;

/// <summary>
/// What binding a pod writes, batched or single: spec.nodeName and the PodScheduled=True condition (as
/// kube-apiserver's binding storage sets them), and a bump of the node's allocation key in the same transaction.
/// </summary>
public static class PodAssignment
{
    public const string PodScheduled = "PodScheduled";

    /// <summary>Sets the node and the condition on <paramref name="pod"/> in place.</summary>
    public static void Assign(Pod pod, string node, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(pod);
        pod.Spec.NodeName = node;
        PodStatus status = pod.Status ??= new PodStatus();
        List<PodCondition> conditions = status.Conditions ??= [];
        PodCondition? existing = conditions.Find(c => c.Type == PodScheduled);
        if (existing is null)
        {
            conditions.Add(new PodCondition { Type = PodScheduled, Status = "True", LastTransitionTime = now });
            return;
        }
        if (existing.Status != "True")
        {
            existing.LastTransitionTime = now;
        }
        existing.Status = "True";
        existing.Reason = null;
        existing.Message = null;
    }

    /// <summary>The put that bumps <paramref name="node"/>'s allocation key.</summary>
    public static PutOp AllocationPut(string node) => new(BindingKeys.Allocation(node), BindingKeys.AllocationValue);
}
