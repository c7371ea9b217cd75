using MessagePack;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Agent.Statuses;

/// <summary>
/// Lays the agent's status for a pod over the status the API holds (the kubelet status manager's mergePodStatus):
/// the agent's fields (phase, addresses, startTime, container statuses) replace the API's; conditions the agent does
/// not own (PodScheduled, DisruptionTarget, readiness gates' types) stay as they are and in their order, then come the
/// owned ones in the agent's order. A pod-level reason and message the agent gives replace the API's; without one the
/// API's stay. An owned condition whose status did not change keeps its lastTransitionTime;
/// one that changed gets <c>now</c>. A terminal phase in the API is never replaced by a non-terminal one.
/// </summary>
public static class PodStatusMerge
{
    /// <summary>The status to write, or null when it would equal the API's (nothing to write).</summary>
    public static PodStatus? Merge(PodStatus api, PodStatus desired, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(desired);
        PodStatus merged = Clone(api);
        merged.Phase = PodPhases.IsTerminal(api.Phase) && !PodPhases.IsTerminal(desired.Phase) ? api.Phase : desired.Phase;
        merged.Reason = desired.Reason ?? api.Reason;
        merged.Message = desired.Message ?? api.Message;
        merged.HostIP = desired.HostIP;
        merged.HostIPs = desired.HostIPs;
        merged.PodIP = desired.PodIP;
        merged.PodIPs = desired.PodIPs;
        merged.StartTime = api.StartTime ?? desired.StartTime;
        merged.ContainerStatuses = desired.ContainerStatuses;
        merged.InitContainerStatuses = desired.InitContainerStatuses;
        merged.Conditions = Conditions(api.Conditions ?? [], desired.Conditions ?? [], now);
        return Encode(merged).AsSpan().SequenceEqual(Encode(api)) ? null : merged;
    }

    private static List<PodCondition> Conditions(List<PodCondition> current, List<PodCondition> desired, DateTime now)
    {
        var merged = current.Where(c => !PodConditionTypes.IsOwned(c.Type)).ToList();
        if (!merged.Exists(c => c.Type == PodConditionTypes.PodScheduled))
        {
            // Bound without the scheduler's condition (spec.nodeName set at creation): the kubelet reports it True.
            merged.Add(new PodCondition { Type = PodConditionTypes.PodScheduled, Status = "True", LastTransitionTime = now });
        }
        foreach (PodCondition wanted in desired.Where(c => PodConditionTypes.IsOwned(c.Type)))
        {
            PodCondition? before = current.Find(c => c.Type == wanted.Type);
            merged.Add(new PodCondition
            {
                Type = wanted.Type,
                Status = wanted.Status,
                Reason = wanted.Reason,
                Message = wanted.Message,
                ObservedGeneration = wanted.ObservedGeneration,
                LastProbeTime = null,
                LastTransitionTime = before is not null && before.Status == wanted.Status ? before.LastTransitionTime ?? now : now,
            });
        }
        return merged;
    }

    private static PodStatus Clone(PodStatus status) => MessagePackSerializer.Deserialize<PodStatus>(Encode(status), ApiMessagePack.Options);

    private static byte[] Encode(PodStatus status) => ApiMessagePack.Serialize(status);
}
