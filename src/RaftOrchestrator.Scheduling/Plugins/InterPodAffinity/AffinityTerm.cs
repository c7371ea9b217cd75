using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Plugins.Topology;

namespace RaftOrchestrator.Scheduling.Plugins.InterPodAffinity;

/// <summary>
/// A pod (anti-)affinity term compiled for its owner (kube-scheduler's framework.AffinityTerm): the label selector
/// with match/mismatchLabelKeys merged, the namespaces it names (the owner's own when it names none and has no
/// namespaceSelector), the namespaceSelector, the topology key and, for preferred terms, the weight. Immutable.
/// </summary>
internal sealed class AffinityTerm
{
    private readonly HashSet<string> _namespaces;
    private readonly LabelSelectorMatcher? _namespaceSelector;

    public AffinityTerm(PodAffinityTerm term, PodInfo owner, int weight)
    {
        TopologyKey = term.TopologyKey;
        Weight = weight;
        IReadOnlyDictionary<string, string>? labels = owner.Pod.Metadata.Labels;
        Selector = Selectors.Compile(term.LabelSelector, term.MatchLabelKeys, term.MismatchLabelKeys, labels);
        _namespaces = new HashSet<string>(term.Namespaces ?? [], StringComparer.Ordinal);
        if (term.NamespaceSelector is not null)
        {
            _namespaceSelector = LabelSelectorMatcher.TryCreate(term.NamespaceSelector, out LabelSelectorMatcher? ns, out _) ? ns : LabelSelectorMatcher.Nothing;
        }
        else if (_namespaces.Count == 0)
        {
            _namespaces.Add(owner.Namespace);
        }
    }

    public string TopologyKey { get; }

    public int Weight { get; }

    public LabelSelectorMatcher Selector { get; }

    /// <summary>Whether <paramref name="pod"/> is one of the pods this term selects: in its namespaces, and matching its selector.</summary>
    public bool Matches(PodInfo pod, INamespaceLister? namespaces)
    {
        if (!Selector.Matches(pod.Pod.Metadata.Labels))
        {
            return false;
        }
        if (_namespaces.Contains(pod.Namespace))
        {
            return true;
        }
        if (_namespaceSelector is null || _namespaceSelector.IsNothing)
        {
            return false;
        }
        return _namespaceSelector.IsEmpty || _namespaceSelector.Matches(namespaces?.Labels(pod.Namespace));
    }
}
