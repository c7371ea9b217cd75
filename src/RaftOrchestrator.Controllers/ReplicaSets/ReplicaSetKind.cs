using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Selectors;

namespace RaftOrchestrator.Controllers.ReplicaSets;

/// <summary>apps/v1 ReplicaSet: a metav1 LabelSelector (set-based), ReplicaSetStatus.</summary>
internal sealed class ReplicaSetKind : IReplicaOwnerKind<ReplicaSet>
{
    public static ReplicaSetKind Instance { get; } = new();

    public string ApiVersion => "apps/v1";

    public string Kind => "ReplicaSet";

    public int Replicas(ReplicaSet owner) => owner.Spec.Replicas ?? 1;

    public int MinReadySeconds(ReplicaSet owner) => owner.Spec.MinReadySeconds ?? 0;

    public PodTemplateSpec? Template(ReplicaSet owner) => owner.Spec.Template;

    public bool TryGetSelector(ReplicaSet owner, out LabelSelectorMatcher selector, out string? error)
    {
        bool valid = LabelSelectorMatcher.TryCreate(owner.Spec.Selector, out LabelSelectorMatcher? matcher, out error);
        selector = matcher ?? LabelSelectorMatcher.Nothing;
        return valid;
    }

    public ReplicaStatus ReadStatus(ReplicaSet owner)
    {
        ReplicaSetStatus s = owner.Status;
        return ReplicaStatus.From(s.Replicas, s.FullyLabeledReplicas, s.ReadyReplicas, s.AvailableReplicas, s.ObservedGeneration,
            s.Conditions?.Select(c => new ReplicaCondition(c.Type, c.Status, c.LastTransitionTime, c.Reason, c.Message)));
    }

    public void WriteStatus(ReplicaSet owner, ReplicaStatus status)
    {
        owner.Status = new ReplicaSetStatus
        {
            Replicas = status.Replicas,
            FullyLabeledReplicas = ReplicaStatus.OmitZero(status.FullyLabeledReplicas),
            ReadyReplicas = ReplicaStatus.OmitZero(status.ReadyReplicas),
            AvailableReplicas = ReplicaStatus.OmitZero(status.AvailableReplicas),
            TerminatingReplicas = owner.Status.TerminatingReplicas,
            ObservedGeneration = status.ObservedGeneration,
            Conditions = status.Conditions.Count == 0 ? null
                : [.. status.Conditions.Select(c => new ReplicaSetCondition
                {
                    Type = c.Type, Status = c.Status, LastTransitionTime = c.LastTransitionTime, Reason = c.Reason, Message = c.Message,
                })],
        };
    }
}
