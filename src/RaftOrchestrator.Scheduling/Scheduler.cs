using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling;

/// <summary>
/// kube-scheduler's schedulePod for one profile: PreFilter; Filter from a rotating start index until enough
/// feasible nodes are found (<see cref="NodesToScore"/>); PostFilter when none; otherwise PreScore, Score, and the
/// highest total wins, ties broken by seeded reservoir sampling. A lone feasible node is returned unscored.
/// Filters that declare themselves class-invariant (<see cref="INodeClassFilter"/>) run once per (pod, node class).
/// A node with pods nominated to it that count for the pod (priority at least the pod's) is filtered twice, with and
/// without them, as <see cref="SchedulingFramework.RunFilterPluginsWithNominatedPods"/> does (Scheduler.Nominated.cs).
/// Deterministic for a (snapshot, seed, sequence of pods). Not thread-safe: it reuses its buffers across pods.
/// </summary>
public sealed partial class Scheduler
{
    private readonly Random _random;
    private NodeInfo[] _feasible = [];
    private NodeInfo[] _rejectedNodes = [];
    private Status[] _rejected = [];
    private long[] _totals = [];
    private long[] _scratch = [];
    private IFilterPlugin[] _active = [];
    private int[] _classSlot = [];
    private int[] _stamp = [];
    private Status?[] _verdicts = [];
    private int _cycle;

    public Scheduler(SchedulingFramework framework, int seed)
    {
        Framework = framework ?? throw new ArgumentNullException(nameof(framework));
        _random = new Random(seed);
    }

    public SchedulingFramework Framework { get; }

    /// <summary>Where the next cycle starts filtering; advances by the nodes each cycle processed.</summary>
    public int NextStartNodeIndex { get; private set; }

    /// <summary>
    /// Runs one cycle's search for <paramref name="pod"/>; <paramref name="state"/> should be fresh (or Reset).
    /// <paramref name="nominatedPods"/> (null: none) must not change during the call; it is recorded in the state, so
    /// preemption's dry run counts the nominations too.
    /// </summary>
    public ScheduleResult Schedule(CycleState state, PodInfo pod, Snapshot snapshot, INominatedPods? nominatedPods = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(snapshot);
        state.NominatedPods = nominatedPods;
        if (snapshot.Count == 0)
        {
            return ScheduleResult.Failed(Status.Error("", "no nodes available to schedule pods"));
        }
        Status pre = Framework.RunPreFilterPlugins(state, pod, snapshot);
        if (!pre.IsSuccess)
        {
            if (!pre.IsRejected)
            {
                return ScheduleResult.Failed(pre);
            }
            var diagnosis = new Diagnosis { PreFilterMessage = pre.Message };
            diagnosis.NodeToStatus.AbsentNodesStatus = pre;
            if (pre.Plugin is { Length: > 0 } plugin)
            {
                diagnosis.UnschedulablePlugins.Add(plugin);
            }
            return Unschedulable(state, pod, snapshot, diagnosis, evaluated: 0);
        }
        NodeInfo[] nodes = Candidates(snapshot, state.PreFilterNodeNames);
        int toFind = NodesToScore.FeasibleNodesToFind(Framework.Profile.PercentageOfNodesToScore, nodes.Length);
        Status? error = FindFeasible(state, pod, snapshot, nodes, toFind, out int feasible, out int rejected);
        if (error is not null)
        {
            return ScheduleResult.Failed(error);
        }
        if (feasible == 0)
        {
            var diagnosis = new Diagnosis();
            if (state.PreFilterNodeNames is not null)
            {
                diagnosis.NodeToStatus.AbsentNodesStatus = Status.Unresolvable(
                    state.PreFilterNarrowingPlugins[0], "node(s) didn't satisfy plugin(s) [" + string.Join(" ", state.PreFilterNarrowingPlugins) + "]");
            }
            for (int i = 0; i < rejected; i++)
            {
                diagnosis.NodeToStatus.Set(_rejectedNodes[i].Name, _rejected[i]);
                if (_rejected[i].Plugin is { Length: > 0 } plugin)
                {
                    diagnosis.UnschedulablePlugins.Add(plugin);
                }
            }
            return Unschedulable(state, pod, snapshot, diagnosis, rejected);
        }
        int evaluated = feasible + rejected;
        if (feasible == 1)
        {
            return ScheduleResult.Scheduled(_feasible[0].Name, evaluated, 1);
        }
        return ScoreAndSelect(state, pod, snapshot, feasible, evaluated);
    }

    private ScheduleResult Unschedulable(CycleState state, PodInfo pod, Snapshot snapshot, Diagnosis diagnosis, int evaluated)
    {
        PostFilterResult? post = null;
        if (Framework.PostFilterPlugins.Length > 0)
        {
            post = Framework.RunPostFilterPlugins(state, pod, snapshot, diagnosis.NodeToStatus);
            if (post.Status.Reasons.Count > 0)
            {
                diagnosis.PostFilterMessage = post.Status.Message;
            }
        }
        return ScheduleResult.Unschedulable(new FitError(pod.Key, snapshot.Count, diagnosis), evaluated, post);
    }

    private static NodeInfo[] Candidates(Snapshot snapshot, IReadOnlySet<string>? names)
    {
        NodeInfo[] all = snapshot.NodeArray;
        if (names is null)
        {
            return all;
        }
        return [.. all.Where(n => names.Contains(n.Name))];
    }

    private ScheduleResult ScoreAndSelect(CycleState state, PodInfo pod, Snapshot snapshot, int feasible, int evaluated)
    {
        ReadOnlySpan<NodeInfo> nodes = _feasible.AsSpan(0, feasible);
        Status pre = Framework.RunPreScorePlugins(state, pod, snapshot, nodes);
        if (!pre.IsSuccess)
        {
            return ScheduleResult.Failed(pre);
        }
        EnsureCapacity(ref _totals, feasible);
        EnsureCapacity(ref _scratch, feasible);
        Span<long> totals = _totals.AsSpan(0, feasible);
        totals.Clear();
        Status scored = Framework.RunScorePlugins(state, pod, nodes, totals, _scratch);
        if (!scored.IsSuccess)
        {
            return ScheduleResult.Failed(scored);
        }
        int selected = 0;
        long max = totals[0];
        int ties = 1;
        for (int i = 1; i < totals.Length; i++)
        {
            if (totals[i] > max)
            {
                max = totals[i];
                selected = i;
                ties = 1;
            }
            else if (totals[i] == max && _random.Next(++ties) == 0)
            {
                selected = i;
            }
        }
        return ScheduleResult.Scheduled(nodes[selected].Name, evaluated, feasible);
    }

    private static void EnsureCapacity<T>(ref T[] buffer, int size)
    {
        if (buffer.Length < size)
        {
            buffer = new T[Math.Max(size, buffer.Length * 2)];
        }
    }
}
