using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>Which scheduling-relevant parts of a Node changed (kube-scheduler's nodeSchedulingPropertiesChange).</summary>
internal static class NodeChanges
{
    public static ClusterEventAction Between(Node before, Node after)
    {
        ClusterEventAction changed = ClusterEventAction.None;
        if (!DictionaryEquality.Equal(before.Status?.Allocatable, after.Status?.Allocatable))
        {
            changed |= ClusterEventAction.UpdateNodeAllocatable;
        }
        if (!DictionaryEquality.Equal(before.Metadata.Labels, after.Metadata.Labels))
        {
            changed |= ClusterEventAction.UpdateNodeLabel;
        }
        if ((before.Spec?.Unschedulable ?? false) != (after.Spec?.Unschedulable ?? false))
        {
            changed |= ClusterEventAction.UpdateNodeUnschedulable;
        }
        if (!SameEncoding(before.Spec?.Taints, after.Spec?.Taints))
        {
            changed |= ClusterEventAction.UpdateNodeTaint;
        }
        if (!SameConditions(before.Status?.Conditions, after.Status?.Conditions))
        {
            changed |= ClusterEventAction.UpdateNodeCondition;
        }
        return changed;
    }

    private static bool SameEncoding<T>(List<T>? a, List<T>? b) where T : class =>
        (a?.Count ?? 0) == (b?.Count ?? 0)
        && ((a?.Count ?? 0) == 0 || ApiMessagePack.Serialize(a).AsSpan().SequenceEqual(ApiMessagePack.Serialize(b)));

    private static bool SameConditions(List<NodeCondition>? a, List<NodeCondition>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0))
        {
            return false;
        }
        for (int i = 0; i < (a?.Count ?? 0); i++)
        {
            if (a![i].Type != b![i].Type || a[i].Status != b[i].Status)
            {
                return false;
            }
        }
        return true;
    }
}
