using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling;

public sealed partial class Scheduler
{
    // Names of the nodes with at least one nominated pod that counts for this cycle's pod; rebuilt per cycle.
    private readonly HashSet<string> _nominatedHere = new(StringComparer.Ordinal);

    /// <summary>
    /// Finds, once per cycle, the nodes whose nominated pods count for <paramref name="pod"/>
    /// (<see cref="SchedulingFramework.Counts"/>), so the search loop pays one set look-up per node only when there
    /// are any, and nothing when nobody is nominated (the common case).
    /// </summary>
    private void PrepareNominated(CycleState state, PodInfo pod)
    {
        _nominatedHere.Clear();
        if (state.NominatedPods is not { NodeNames.Count: > 0 } nominated)
        {
            return;
        }
        foreach (string name in nominated.NodeNames)
        {
            foreach (PodInfo p in nominated.NominatedPodsForNode(name))
            {
                if (SchedulingFramework.Counts(pod, p))
                {
                    _nominatedHere.Add(name);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The search loop's RunFilterPluginsWithNominatedPods. The first pass, on a clone with the nominated pods added
    /// and a state their AddPod extensions changed, bypasses the per-class verdict table: the table holds verdicts
    /// for nodes as the snapshot has them under the cycle's PreFilter state, which this clone is not, so the node is
    /// evaluated on its own (and leaves nothing in the table). The second pass is the node as it is, which the
    /// table does cover. Nominated nodes are few, so the bypass costs little.
    /// </summary>
    private Status RunFiltersWithNominated(CycleState state, PodInfo pod, NodeInfo node, int active, int invariant)
    {
        IReadOnlyList<PodInfo> nominated = state.NominatedPods!.NominatedPodsForNode(node.Name);
        if (Framework.AddNominatedPods(state, pod, node, nominated, out CycleState? withState, out NodeInfo? withNode) is { } error)
        {
            return error;
        }
        if (withNode is not null)
        {
            Status first = RunFilters(withState!, pod, withNode, active, invariant, classTable: false);
            if (!first.IsSuccess)
            {
                return first;
            }
        }
        return RunFilters(state, pod, node, active, invariant, classTable: true);
    }
}
