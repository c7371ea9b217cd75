using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Plugins.NodeAffinity;

/// <summary>
/// A compiled node selector: terms ORed, each term's requirements ANDed; a term with no requirements matches no
/// node, as in Kubernetes. Built once per pod per cycle, matched against many nodes without allocating.
/// </summary>
internal sealed class NodeSelectorMatcher
{
    private readonly NodeRequirement[][] _terms;

    public NodeSelectorMatcher(IEnumerable<NodeSelectorTerm> terms)
    {
        _terms = [.. terms.Select(Compile)];
        ReadsNodeName = _terms.Any(t => t.Any(r => r.IsField || r.Key == NodeClassTable.HostnameLabel));
    }

    /// <summary>True when a requirement reads metadata.name or the hostname label: not a node-class property.</summary>
    public bool ReadsNodeName { get; }

    public bool Matches(NodeInfo node)
    {
        IReadOnlyDictionary<string, string> labels = node.Labels;
        foreach (NodeRequirement[] term in _terms)
        {
            if (term.Length == 0)
            {
                continue;
            }
            bool all = true;
            foreach (NodeRequirement r in term)
            {
                if (!r.Matches(node.Name, labels))
                {
                    all = false;
                    break;
                }
            }
            if (all)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The node names the selector can match when every term pins metadata.name with In (a DaemonSet pod's
    /// affinity): the union over the terms; null when some term does not.
    /// </summary>
    public IReadOnlySet<string>? NodeNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (NodeRequirement[] term in _terms)
        {
            IReadOnlySet<string>? pinned = null;
            foreach (NodeRequirement r in term)
            {
                if (r.NodeNamesIn is { } set)
                {
                    pinned = pinned is null ? set : new HashSet<string>(pinned.Where(set.Contains), StringComparer.Ordinal);
                }
            }
            if (pinned is null)
            {
                return null;
            }
            names.UnionWith(pinned);
        }
        return names;
    }

    private static NodeRequirement[] Compile(NodeSelectorTerm term) =>
    [
        .. (term.MatchExpressions ?? []).Select(r => new NodeRequirement(r, field: false)),
        .. (term.MatchFields ?? []).Select(r => new NodeRequirement(r, field: true)),
    ];
}
