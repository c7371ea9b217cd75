using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Plugins.NodeAffinity;
using RaftOrchestrator.Scheduling.Plugins.TaintToleration;
using RaftOrchestrator.Scheduling.Plugins.Topology;

namespace RaftOrchestrator.Scheduling.Plugins.PodTopologySpread;

/// <summary>
/// One topology spread constraint compiled for the incoming pod: selector (matchLabelKeys merged), skew, minimum
/// domains and the node inclusion policies (nodeAffinityPolicy defaults to Honor: only nodes matching the pod's
/// nodeSelector and required node affinity are domains; nodeTaintsPolicy defaults to Ignore).
/// </summary>
internal sealed class SpreadConstraint
{
    public const string Honor = "Honor";

    private readonly bool _honorAffinity;
    private readonly bool _honorTaints;

    public SpreadConstraint(TopologySpreadConstraint constraint, PodInfo pod)
    {
        TopologyKey = constraint.TopologyKey;
        MaxSkew = constraint.MaxSkew;
        MinDomains = constraint.MinDomains ?? 1;
        Selector = Selectors.Compile(constraint.LabelSelector, constraint.MatchLabelKeys, null, pod.Pod.Metadata.Labels);
        _honorAffinity = (constraint.NodeAffinityPolicy ?? Honor) == Honor;
        _honorTaints = constraint.NodeTaintsPolicy == Honor;
    }

    /// <summary>A system default constraint: its selector comes from the pod's services and controllers.</summary>
    public SpreadConstraint(string topologyKey, int maxSkew, LabelSelectorMatcher selector)
    {
        TopologyKey = topologyKey;
        MaxSkew = maxSkew;
        MinDomains = 1;
        Selector = selector;
        _honorAffinity = true;
    }

    public string TopologyKey { get; }

    public int MaxSkew { get; }

    public int MinDomains { get; }

    public LabelSelectorMatcher Selector { get; }

    /// <summary>Whether the node's pods count towards this constraint's domains (MatchNodeInclusionPolicies).</summary>
    public bool Includes(NodeInfo node, PodInfo pod, NodeFilter nodeFilter)
    {
        if (_honorAffinity && !nodeFilter.MatchesAffinity(node))
        {
            return false;
        }
        if (_honorTaints)
        {
            foreach (Taint taint in node.Taints)
            {
                if (taint.Effect is Tolerations.NoSchedule or Tolerations.NoExecute && !Tolerations.AnyTolerates(pod.Pod.Spec.Tolerations, taint))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Placed pods of the incoming pod's namespace this constraint's selector matches, terminating ones left out:
    /// counted per group of equal pods (<see cref="NodeInfo.PodGroups"/>), each group's answer kept in
    /// <paramref name="memo"/> (one per constraint and cycle: the namespace and the selector are fixed there).
    /// </summary>
    public int CountMatching(NodeInfo node, string ns, Dictionary<string, bool> memo)
    {
        int count = 0;
        foreach (PodGroup group in node.PodGroups)
        {
            if (!memo.TryGetValue(group.Key, out bool matches))
            {
                matches = Matches(group.Representative, ns);
                memo[group.Key] = matches;
            }
            if (matches)
            {
                count += group.Count;
            }
        }
        return count;
    }

    public bool Matches(PodInfo p, string ns) =>
        p.Pod.Metadata.DeletionTimestamp is null && p.Namespace == ns && Selector.Matches(p.Pod.Metadata.Labels);

    /// <summary>The incoming pod's nodeSelector and required node affinity, compiled once per cycle.</summary>
    internal sealed class NodeFilter
    {
        private readonly KeyValuePair<string, string>[] _selector;
        private readonly NodeSelectorMatcher? _required;

        public NodeFilter(PodInfo pod)
        {
            _selector = pod.Pod.Spec.NodeSelector?.ToArray() ?? [];
            NodeSelector? required = pod.Pod.Spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution;
            _required = required is null ? null : new NodeSelectorMatcher(required.NodeSelectorTerms);
        }

        public bool MatchesAffinity(NodeInfo node)
        {
            foreach ((string key, string value) in _selector)
            {
                if (!node.Labels.TryGetValue(key, out string? actual) || actual != value)
                {
                    return false;
                }
            }
            return _required is null || _required.Matches(node);
        }
    }
}
