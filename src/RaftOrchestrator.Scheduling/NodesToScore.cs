namespace RaftOrchestrator.Scheduling;

/// <summary>kube-scheduler's bound on how many feasible nodes a cycle looks for before it stops filtering.</summary>
public static class NodesToScore
{
    /// <summary>Below this many nodes every node is considered; above it, at least this many are looked for.</summary>
    public const int MinFeasibleNodesToFind = 100;

    /// <summary>The adaptive percentage never drops below this.</summary>
    public const int MinFeasibleNodesPercentageToFind = 5;

    /// <summary>
    /// numFeasibleNodesToFind: with <paramref name="percentage"/> 0 the adaptive default 50 − nodes/125 percent
    /// (floor 5%); never fewer than 100 nodes, never more than all of them.
    /// </summary>
    public static int FeasibleNodesToFind(int percentage, int numAllNodes)
    {
        if (numAllNodes < MinFeasibleNodesToFind || percentage >= 100)
        {
            return numAllNodes;
        }
        int adaptive = percentage;
        if (adaptive <= 0)
        {
            adaptive = 50 - (numAllNodes / 125);
            if (adaptive < MinFeasibleNodesPercentageToFind)
            {
                adaptive = MinFeasibleNodesPercentageToFind;
            }
        }
        int numNodes = (int)((long)numAllNodes * adaptive / 100);
        return numNodes < MinFeasibleNodesToFind ? MinFeasibleNodesToFind : numNodes;
    }
}
