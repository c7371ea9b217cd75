using RaftOrchestrator.Scheduling.Plugins.Topology;

namespace RaftOrchestrator.Scheduling.Plugins.InterPodAffinity;

/// <summary>
/// kube-scheduler's InterPodAffinityArgs: <see cref="HardPodAffinityWeight"/> (default 1, 0-100) is what an
/// existing pod's required affinity term adds to a node's score when it selects the incoming pod;
/// <see cref="IgnorePreferredTermsOfExistingPods"/> scores only the incoming pod's own preferred terms.
/// <see cref="Namespaces"/> resolves namespaceSelector terms; without it only the terms' namespace lists (and
/// empty selectors, which select every namespace) apply.
/// </summary>
public sealed record InterPodAffinityArgs(int HardPodAffinityWeight = 1, bool IgnorePreferredTermsOfExistingPods = false, INamespaceLister? Namespaces = null);
