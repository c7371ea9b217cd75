using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Selectors;

namespace RaftOrchestrator.Controllers.ReplicaSets;

/// <summary>
/// core/v1 ReplicationController: an equality selector (a map), ReplicationControllerStatus. As in Kubernetes, where
/// the replication manager runs the ReplicaSet controller over converted objects, the map is the selector's
/// matchLabels; an absent or empty map selects nothing (validation forbids it, so only a broken object has one).
/// </summary>
internal sealed class ReplicationControllerKind : IReplicaOwnerKind<ReplicationController>
{
    public static ReplicationControllerKind Instance { get; } = new();

    public string ApiVersion => "v1";

    public string Kind => "ReplicationController";

    public int Replicas(ReplicationController owner) => owner.Spec.Replicas ?? 1;

    public int MinReadySeconds(ReplicationController owner) => owner.Spec.MinReadySeconds ?? 0;

    public PodTemplateSpec? Template(ReplicationController owner) => owner.Spec.Template;

    public bool TryGetSelector(ReplicationController owner, out LabelSelectorMatcher selector, out string? error)
    {
        selector = LabelSelectorMatcher.Nothing;
        error = null;
        if (owner.Spec.Selector is not { Count: > 0 } labels)
        {
            return true;
        }
        bool valid = LabelSelectorMatcher.TryCreate(new LabelSelector { MatchLabels = labels }, out LabelSelectorMatcher? matcher, out error);
        selector = matcher ?? LabelSelectorMatcher.Nothing;
        return valid;
    }

    public ReplicaStatus ReadStatus(ReplicationController owner)
    {
        ReplicationControllerStatus s = owner.Status;
        return ReplicaStatus.From(s.Replicas, s.FullyLabeledReplicas, s.ReadyReplicas, s.AvailableReplicas, s.ObservedGeneration,
            s.Conditions?.Select(c => new ReplicaCondition(c.Type, c.Status, c.LastTransitionTime, c.Reason, c.Message)));
    }

    public void WriteStatus(ReplicationController owner, ReplicaStatus status)
    {
        owner.Status = new ReplicationControllerStatus
        {
            Replicas = status.Replicas,
            FullyLabeledReplicas = ReplicaStatus.OmitZero(status.FullyLabeledReplicas),
            ReadyReplicas = ReplicaStatus.OmitZero(status.ReadyReplicas),
            AvailableReplicas = ReplicaStatus.OmitZero(status.AvailableReplicas),
            ObservedGeneration = status.ObservedGeneration,
            Conditions = status.Conditions.Count == 0 ? null
                : [.. status.Conditions.Select(c => new ReplicationControllerCondition
                {
                    Type = c.Type, Status = c.Status, LastTransitionTime = c.LastTransitionTime, Reason = c.Reason, Message = c.Message,
                })],
        };
    }
}
