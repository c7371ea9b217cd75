namespace RaftOrchestrator.Server.Kube.Bindings;

/// <summary>
/// One node as the binding check sees it: whether the Node exists, its allocatable resources and pod count,
/// the summed requests and number of the non-terminal pods bound to it, and the mod revision of its allocation
/// key (<see cref="BindingKeys.Allocation"/>) at the same store revision. Inside the index it is mutated under
/// the index's lock; <see cref="NodeAllocationIndex.Read"/> hands out copies.
/// </summary>
public sealed class NodeAllocation
{
    public bool Exists { get; set; }

    public ResourceAmounts Allocatable { get; set; } = new();

    /// <summary>status.allocatable.pods; a node that does not say allows none, as kube-scheduler reads it.</summary>
    public long AllowedPods { get; set; }

    public ResourceAmounts Requested { get; set; } = new();

    public int PodCount { get; set; }

    /// <summary>0 while the node has no allocation key (nothing was ever bound through the API).</summary>
    public long AllocationRevision { get; set; }

    public bool IsUnused => !Exists && PodCount == 0 && AllocationRevision == 0;

    public NodeAllocation Copy() => new()
    {
        Exists = Exists,
        Allocatable = Allocatable.Clone(),
        AllowedPods = AllowedPods,
        Requested = Requested.Clone(),
        PodCount = PodCount,
        AllocationRevision = AllocationRevision,
    };

    /// <summary>
    /// Why a pod with <paramref name="requests"/> does not fit beside what is already requested here
    /// ("Too many pods", "Insufficient cpu", ...), joined as kube-scheduler's NodeResourcesFit reports them; null
    /// when it fits. As in kube-scheduler, a resource the pod does not request is not checked.
    /// </summary>
    public string? Misfit(ResourceAmounts requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        List<string>? reasons = null;
        if (PodCount + 1 > AllowedPods)
        {
            (reasons ??= []).Add("Too many pods");
        }
        Check(requests.MilliCpu, Allocatable.MilliCpu - Requested.MilliCpu, ResourceNames.Cpu, ref reasons);
        Check(requests.Memory, Allocatable.Memory - Requested.Memory, ResourceNames.Memory, ref reasons);
        Check(requests.EphemeralStorage, Allocatable.EphemeralStorage - Requested.EphemeralStorage, ResourceNames.EphemeralStorage, ref reasons);
        foreach ((string name, long wanted) in requests.Scalars ?? [])
        {
            Check(wanted, Allocatable.Scalar(name) - Requested.Scalar(name), name, ref reasons);
        }
        return reasons is null ? null : string.Join(", ", reasons);
    }

    /// <summary>Counts a pod as bound here (the evaluation's own bindings, earlier in the same batch).</summary>
    public void Assume(ResourceAmounts requests)
    {
        Requested.Add(requests);
        PodCount++;
    }

    private static void Check(long wanted, long free, string name, ref List<string>? reasons)
    {
        if (wanted > 0 && wanted > free)
        {
            (reasons ??= []).Add($"Insufficient {name}");
        }
    }
}
