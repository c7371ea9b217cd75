using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Scheduling.Cache;

/// <summary>
/// A pod with what the scheduler derives from it, computed once when the pod enters the scheduler (requests parsed
/// from Quantities, host ports, priority, affinity terms). Immutable; a changed pod gets a new PodInfo.
/// </summary>
public sealed partial class PodInfo
{
    private PodInfo(Pod pod)
    {
        Pod = pod;
        Namespace = pod.Metadata.Namespace ?? "";
        Name = pod.Metadata.Name ?? "";
        Key = Namespace + "/" + Name;
        Uid = string.IsNullOrEmpty(pod.Metadata.Uid) ? Key : pod.Metadata.Uid;
        Requests = PodRequests.Compute(pod.Spec, nonZero: false);
        Resource nonZero = PodRequests.Compute(pod.Spec, nonZero: true);
        NonZeroMilliCpu = nonZero.MilliCpu;
        NonZeroMemory = nonZero.Memory;
        Priority = pod.Spec.Priority ?? 0;
        HostPorts = CollectHostPorts(pod.Spec);
        Affinity? affinity = pod.Spec.Affinity;
        RequiredAffinityTerms = affinity?.PodAffinity?.RequiredDuringSchedulingIgnoredDuringExecution ?? [];
        PreferredAffinityTerms = affinity?.PodAffinity?.PreferredDuringSchedulingIgnoredDuringExecution ?? [];
        RequiredAntiAffinityTerms = affinity?.PodAntiAffinity?.RequiredDuringSchedulingIgnoredDuringExecution ?? [];
        PreferredAntiAffinityTerms = affinity?.PodAntiAffinity?.PreferredDuringSchedulingIgnoredDuringExecution ?? [];
    }

    public Pod Pod { get; }

    /// <summary>metadata.uid, or namespace/name for a pod that has none (tests, pods not yet stored).</summary>
    public string Uid { get; }

    public string Namespace { get; }

    public string Name { get; }

    /// <summary>namespace/name.</summary>
    public string Key { get; }

    /// <summary>Effective requests (<see cref="PodRequests"/>): what NodeResourcesFit's Filter checks and nodes sum.</summary>
    public Resource Requests { get; }

    /// <summary>cpu request with kube-scheduler's 100m default per container that names none (scoring only).</summary>
    public long NonZeroMilliCpu { get; }

    /// <summary>memory request with kube-scheduler's 200Mi default per container that names none (scoring only).</summary>
    public long NonZeroMemory { get; }

    /// <summary>spec.priority (resolved by admission from the PriorityClass); 0 when unset.</summary>
    public int Priority { get; }

    /// <summary>The host ports of the app containers (hostPort &gt; 0).</summary>
    public IReadOnlyList<HostPort> HostPorts { get; }

    public IReadOnlyList<PodAffinityTerm> RequiredAffinityTerms { get; }

    public IReadOnlyList<WeightedPodAffinityTerm> PreferredAffinityTerms { get; }

    public IReadOnlyList<PodAffinityTerm> RequiredAntiAffinityTerms { get; }

    public IReadOnlyList<WeightedPodAffinityTerm> PreferredAntiAffinityTerms { get; }

    /// <summary>Any pod affinity or anti-affinity term: the pod goes on its node's PodsWithAffinity list.</summary>
    public bool HasAffinity =>
        RequiredAffinityTerms.Count > 0 || PreferredAffinityTerms.Count > 0
        || RequiredAntiAffinityTerms.Count > 0 || PreferredAntiAffinityTerms.Count > 0;

    public bool HasRequiredAntiAffinity => RequiredAntiAffinityTerms.Count > 0;

    public static PodInfo Create(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return new PodInfo(pod);
    }

    private static HostPort[] CollectHostPorts(PodSpec spec)
    {
        List<HostPort>? ports = null;
        foreach (Container c in spec.Containers)
        {
            if (c.Ports is null)
            {
                continue;
            }
            foreach (ContainerPort p in c.Ports)
            {
                if (p.HostPort is > 0 and int hostPort)
                {
                    (ports ??= []).Add(HostPort.Create(p.HostIP, p.Protocol, hostPort));
                }
            }
        }
        return ports is null ? [] : [.. ports];
    }

    public override string ToString() => Key;
}
