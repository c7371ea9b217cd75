using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Plugins.DefaultPreemption;

/// <summary>
/// kube-scheduler's DefaultPreemption (PostFilter). For a pod whose preemptionPolicy is not Never, over the nodes
/// whose failure was Unschedulable (not UnschedulableAndUnresolvable): a dry run per node finds the fewest
/// lower-priority victims whose removal lets the pod fit (<see cref="SelectVictims"/>), a bounded number of
/// candidates is gathered from a seeded offset, and one node is picked as kube-scheduler picks it
/// (<see cref="PickCandidate"/>). The result names the node and the victims; the driver deletes them and sets
/// status.nominatedNodeName. Nothing here changes the snapshot: the dry run works on clones.
/// </summary>
public sealed partial class DefaultPreemption : IPostFilterPlugin, IFrameworkAware
{
    public const string NotHelpful = "Preemption is not helpful for scheduling";
    public const string NoVictims = "No preemption victims found for incoming pod";
    public const string NeverPolicy = "not eligible due to preemptionPolicy=Never.";
    public const string TerminatingOnNominated = "not eligible due to a terminating pod on the nominated node.";

    private readonly DefaultPreemptionArgs _args;
    private SchedulingFramework? _framework;

    public DefaultPreemption(DefaultPreemptionArgs? args = null)
    {
        _args = args ?? new DefaultPreemptionArgs();
        if (_args.MinCandidateNodesPercentage is < 0 or > 100 || _args.MinCandidateNodesAbsolute < 0
            || (_args.MinCandidateNodesPercentage == 0 && _args.MinCandidateNodesAbsolute == 0))
        {
            throw new ArgumentException("minCandidateNodesPercentage must be 0-100, minCandidateNodesAbsolute >= 0, not both 0", nameof(args));
        }
    }

    public string Name => PluginNames.DefaultPreemption;

    public void Attach(SchedulingFramework framework) => _framework = framework;

    public PostFilterResult PostFilter(CycleState state, PodInfo pod, Snapshot snapshot, NodeToStatus statuses)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(statuses);
        SchedulingFramework framework = _framework ?? throw new InvalidOperationException("DefaultPreemption used outside a SchedulingFramework");
        if (NotEligible(pod, snapshot, statuses) is { } reason)
        {
            return Failed(reason);
        }
        var diagnosis = new Diagnosis();
        var potential = new List<NodeInfo>();
        foreach (NodeInfo node in snapshot.Nodes)
        {
            if (statuses.Get(node.Name).Code == StatusCode.UnschedulableAndUnresolvable)
            {
                diagnosis.NodeToStatus.Set(node.Name, Status.Unresolvable(Name, NotHelpful));
            }
            else
            {
                potential.Add(node);
            }
        }
        List<Candidate> candidates = potential.Count == 0 ? [] : FindCandidates(framework, state, pod, potential, diagnosis.NodeToStatus);
        if (candidates.Count == 0)
        {
            return Failed(new FitError(pod.Key, snapshot.Count, diagnosis).Message);
        }
        Candidate chosen = PickCandidate(candidates);
        return new PostFilterResult(Status.Success, chosen.NodeName, chosen.Victims);
    }

    /// <summary>
    /// The dry run from the seeded offset over the potential nodes; stops once at least one candidate violates no
    /// PodDisruptionBudget and enough candidates were found. Non-violating candidates come first, each group in
    /// visiting order. Nodes without a way in get their reason in <paramref name="failures"/>.
    /// </summary>
    private List<Candidate> FindCandidates(SchedulingFramework framework, CycleState state, PodInfo pod, List<NodeInfo> potential, NodeToStatus failures)
    {
        int wanted = NumCandidates(potential.Count);
        int offset = Offset(pod, potential.Count);
        IReadOnlyList<DisruptionBudget> budgets = _args.DisruptionBudgets?.Invoke() ?? [];
        var nonViolating = new List<Candidate>();
        var violating = new List<Candidate>();
        for (int i = 0; i < potential.Count; i++)
        {
            NodeInfo node = potential[(offset + i) % potential.Count];
            (Candidate? candidate, Status? failure) = SelectVictims(framework, state.Clone(), pod, node.Clone(), budgets);
            if (candidate is null)
            {
                failures.Set(node.Name, failure!);
                continue;
            }
            (candidate.PdbViolations == 0 ? nonViolating : violating).Add(candidate);
            if (nonViolating.Count > 0 && nonViolating.Count + violating.Count >= wanted)
            {
                break;
            }
        }
        nonViolating.AddRange(violating);
        return nonViolating;
    }

    /// <summary>calculateNumCandidates: the percentage of the nodes, at least the absolute number, at most all of them.</summary>
    internal int NumCandidates(int nodes)
    {
        int n = (int)((long)nodes * _args.MinCandidateNodesPercentage / 100);
        return Math.Min(nodes, Math.Max(n, _args.MinCandidateNodesAbsolute));
    }

    /// <summary>A start in [0, count) from the seed and the pod's uid (FNV-1a: stable across processes, unlike string hashes).</summary>
    internal int Offset(PodInfo pod, int count)
    {
        uint hash = 2166136261;
        foreach (char c in pod.Uid)
        {
            hash = (hash ^ c) * 16777619;
        }
        hash = (hash ^ (uint)_args.Seed) * 16777619;
        return (int)(hash % (uint)count);
    }

    /// <summary>PodEligibleToPreemptOthers: never for preemptionPolicy Never, nor while a lower-priority pod is terminating on its nominated node.</summary>
    private static string? NotEligible(PodInfo pod, Snapshot snapshot, NodeToStatus statuses)
    {
        if (pod.Pod.Spec.PreemptionPolicy == "Never")
        {
            return NeverPolicy;
        }
        string? nominated = pod.Pod.Status?.NominatedNodeName;
        if (string.IsNullOrEmpty(nominated) || statuses.Get(nominated).Code == StatusCode.UnschedulableAndUnresolvable
            || snapshot.Get(nominated) is not { } node)
        {
            return null;
        }
        foreach (PodInfo p in node.Pods)
        {
            if (p.Pod.Metadata.DeletionTimestamp is not null && p.Priority < pod.Priority)
            {
                return TerminatingOnNominated;
            }
        }
        return null;
    }

    /// <summary>kube-scheduler prefixes the plugin's message with "preemption: " for the FitError.</summary>
    private PostFilterResult Failed(string message) => PostFilterResult.Unschedulable(Name, "preemption: " + message);
}
