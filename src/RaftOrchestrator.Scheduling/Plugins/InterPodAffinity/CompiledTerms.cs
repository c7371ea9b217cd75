using System.Runtime.CompilerServices;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Plugins.InterPodAffinity;

/// <summary>
/// The compiled affinity terms of a pod, built once per PodInfo (PodInfos are immutable: a changed pod is a new
/// instance) and reused by every cycle that meets the pod, so thousands of placed pods with anti-affinity are not
/// recompiled per incoming pod. The table is weak on the PodInfo and thread-safe; it holds no per-cycle data.
/// </summary>
internal sealed class CompiledTerms
{
    private CompiledTerms(PodInfo pod)
    {
        RequiredAffinity = [.. pod.RequiredAffinityTerms.Select(t => new AffinityTerm(t, pod, 0))];
        RequiredAntiAffinity = [.. pod.RequiredAntiAffinityTerms.Select(t => new AffinityTerm(t, pod, 0))];
        PreferredAffinity = Weighted(pod, pod.PreferredAffinityTerms);
        PreferredAntiAffinity = Weighted(pod, pod.PreferredAntiAffinityTerms);
    }

    public AffinityTerm[] RequiredAffinity { get; }

    public AffinityTerm[] RequiredAntiAffinity { get; }

    public AffinityTerm[] PreferredAffinity { get; }

    public AffinityTerm[] PreferredAntiAffinity { get; }

    public sealed class Table
    {
        private readonly ConditionalWeakTable<PodInfo, CompiledTerms> _terms = [];

        public CompiledTerms Of(PodInfo pod) => _terms.GetValue(pod, p => new CompiledTerms(p));
    }

    private static AffinityTerm[] Weighted(PodInfo pod, IReadOnlyList<WeightedPodAffinityTerm> terms) =>
        [.. terms.Where(t => t.Weight != 0).Select(t => new AffinityTerm(t.PodAffinityTerm, pod, t.Weight))];
}
