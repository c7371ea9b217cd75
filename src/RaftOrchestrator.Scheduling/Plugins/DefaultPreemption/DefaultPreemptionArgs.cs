namespace RaftOrchestrator.Scheduling.Plugins.DefaultPreemption;

/// <summary>
/// kube-scheduler's DefaultPreemptionArgs: the dry run looks for at least <see cref="MinCandidateNodesAbsolute"/>
/// candidates, or <see cref="MinCandidateNodesPercentage"/>% of the nodes where preemption might help when that is
/// more, starting at an offset drawn from <see cref="Seed"/> and the pod's uid (the same pod and seed start at the
/// same node). <see cref="DisruptionBudgets"/> supplies the cluster's PodDisruptionBudgets (none when null).
/// </summary>
public sealed record DefaultPreemptionArgs(
    int MinCandidateNodesPercentage = 10,
    int MinCandidateNodesAbsolute = 100,
    int Seed = 0,
    Func<IReadOnlyList<DisruptionBudget>>? DisruptionBudgets = null);
