using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling;

public sealed partial class Scheduler
{
    /// <summary>
    /// Filters nodes[(start + i) % n] until <paramref name="toFind"/> pass or all were tried, collecting the feasible
    /// ones in _feasible and the rejected ones (with their statuses) in _rejectedNodes/_rejected; advances the start
    /// index by the nodes processed. Returns an Error status if a filter failed with Error.
    /// </summary>
    private Status? FindFeasible(CycleState state, PodInfo pod, Snapshot snapshot, NodeInfo[] nodes, int toFind, out int feasible, out int rejected)
    {
        int n = nodes.Length;
        feasible = 0;
        rejected = 0;
        EnsureCapacity(ref _feasible, toFind);
        if (n == 0)
        {
            return null;
        }
        int start = NextStartNodeIndex % n;
        if (!Framework.HasFilterPlugins)
        {
            for (int i = 0; i < toFind; i++)
            {
                _feasible[feasible++] = nodes[(start + i) % n];
            }
            NextStartNodeIndex = (start + toFind) % n;
            return null;
        }
        int active = PrepareFilters(state, pod, snapshot.ClassCount, out int invariant);
        PrepareNominated(state, pod);
        EnsureCapacity(ref _rejected, n);
        EnsureCapacity(ref _rejectedNodes, n);
        int processed = 0;
        for (int i = 0; i < n && feasible < toFind; i++)
        {
            NodeInfo node = nodes[(start + i) % n];
            processed++;
            Status s = _nominatedHere.Count > 0 && _nominatedHere.Contains(node.Name)
                ? RunFiltersWithNominated(state, pod, node, active, invariant)
                : RunFilters(state, pod, node, active, invariant, classTable: true);
            if (s.IsSuccess)
            {
                _feasible[feasible++] = node;
            }
            else if (s.IsRejected)
            {
                _rejectedNodes[rejected] = node;
                _rejected[rejected++] = s;
            }
            else
            {
                return Status.Error(s.Plugin ?? "", $"running filter plugin {s.Plugin} on {node.Name}: {s.Message}");
            }
        }
        NextStartNodeIndex = (start + processed) % n;
        return null;
    }

    /// <summary>
    /// The filters to run this cycle (PreFilter skips removed) and, for the class-invariant ones, their slot in the
    /// per-class verdict table (-1 otherwise). A new cycle number invalidates the table without clearing it.
    /// </summary>
    private int PrepareFilters(CycleState state, PodInfo pod, int classCount, out int invariant)
    {
        IFilterPlugin[] all = Framework.FilterPlugins;
        EnsureCapacity(ref _active, all.Length);
        EnsureCapacity(ref _classSlot, all.Length);
        int active = 0;
        invariant = 0;
        foreach (IFilterPlugin plugin in all)
        {
            if (state.SkipFilterPlugins.Count > 0 && state.SkipFilterPlugins.Contains(plugin.Name))
            {
                continue;
            }
            _active[active] = plugin;
            _classSlot[active] = plugin is INodeClassFilter c && c.IsClassInvariant(state, pod) ? invariant++ : -1;
            active++;
        }
        int size = Math.Max(1, classCount) * invariant;
        if (_stamp.Length < size)
        {
            _stamp = new int[Math.Max(size, _stamp.Length * 2)];
            _verdicts = new Status?[_stamp.Length];
            _cycle = 0;
        }
        if (++_cycle == int.MaxValue)
        {
            Array.Clear(_stamp);
            _cycle = 1;
        }
        return active;
    }

    /// <summary>
    /// The active filters on one node, first failure wins. With <paramref name="classTable"/> the class-invariant
    /// ones answer from (and fill) the per-class verdict table; without it every filter runs on this node.
    /// </summary>
    private Status RunFilters(CycleState state, PodInfo pod, NodeInfo node, int active, int invariant, bool classTable)
    {
        for (int p = 0; p < active; p++)
        {
            IFilterPlugin plugin = _active[p];
            int slot = classTable ? _classSlot[p] : -1;
            Status s;
            if (slot >= 0)
            {
                int at = (node.ClassId * invariant) + slot;
                if (_stamp[at] == _cycle)
                {
                    s = _verdicts[at]!;
                }
                else
                {
                    s = plugin.Filter(state, pod, node).WithPlugin(plugin.Name);
                    _verdicts[at] = s;
                    _stamp[at] = _cycle;
                }
            }
            else
            {
                s = plugin.Filter(state, pod, node);
            }
            if (!s.IsSuccess)
            {
                return s.WithPlugin(plugin.Name);
            }
        }
        return Status.Success;
    }
}
