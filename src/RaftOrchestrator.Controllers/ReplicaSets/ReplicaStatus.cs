namespace RaftOrchestrator.Controllers.ReplicaSets;

/// <summary>
/// The status both kinds share (ReplicaSetStatus and ReplicationControllerStatus have the same fields), so the
/// reconciler computes and compares one shape and each kind only converts at the edges.
/// </summary>
internal sealed record ReplicaStatus
{
    public int Replicas { get; init; }

    public int FullyLabeledReplicas { get; init; }

    public int ReadyReplicas { get; init; }

    public int AvailableReplicas { get; init; }

    public long? ObservedGeneration { get; init; }

    public IReadOnlyList<ReplicaCondition> Conditions { get; init; } = [];

    /// <summary>Same counts, generation and conditions (record equality would compare the list by reference).</summary>
    public bool SameAs(ReplicaStatus other) =>
        Replicas == other.Replicas
        && FullyLabeledReplicas == other.FullyLabeledReplicas
        && ReadyReplicas == other.ReadyReplicas
        && AvailableReplicas == other.AvailableReplicas
        && ObservedGeneration == other.ObservedGeneration
        && Conditions.SequenceEqual(other.Conditions);

    public static ReplicaStatus From(int replicas, int? fullyLabeled, int? ready, int? available, long? observedGeneration,
        IEnumerable<ReplicaCondition>? conditions) => new()
        {
            Replicas = replicas,
            FullyLabeledReplicas = fullyLabeled ?? 0,
            ReadyReplicas = ready ?? 0,
            AvailableReplicas = available ?? 0,
            ObservedGeneration = observedGeneration,
            Conditions = [.. conditions ?? []],
        };

    /// <summary>0 as absent: the API omits these counts when zero.</summary>
    public static int? OmitZero(int value) => value == 0 ? null : value;
}
