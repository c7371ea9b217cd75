using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// A pod's quality-of-service class, as Kubernetes computes it from cpu and memory only: BestEffort when no
/// container requests or limits either; Guaranteed when every container limits both and the summed requests
/// equal the summed limits; otherwise Burstable. Pod-level resources, when set, decide alone. Zero quantities count
/// as absent.
/// </summary>
public static class PodQos
{
    public const string Guaranteed = "Guaranteed";
    public const string Burstable = "Burstable";
    public const string BestEffort = "BestEffort";

    private static readonly string[] s_qosResources = ["cpu", "memory"];

    public static string Compute(PodSpec spec)
    {
        var requests = new Dictionary<string, decimal>();
        var limits = new Dictionary<string, decimal>();
        bool guaranteed = true;
        IEnumerable<ResourceRequirements?> all = spec.Resources is { } podLevel
            ? [podLevel]
            : (spec.InitContainers ?? []).Concat(spec.Containers).Select(c => c.Resources);
        foreach (ResourceRequirements? resources in all)
        {
            Sum(resources?.Requests, requests);
            if (Sum(resources?.Limits, limits) < s_qosResources.Length)
            {
                guaranteed = false;
            }
        }
        if (requests.Count == 0 && limits.Count == 0)
        {
            return BestEffort;
        }
        guaranteed &= requests.Count == limits.Count
            && requests.All(r => limits.TryGetValue(r.Key, out decimal limit) && limit == r.Value);
        return guaranteed ? Guaranteed : Burstable;
    }

    /// <summary>Adds the positive cpu/memory quantities to the sums; returns how many of the two were positive.</summary>
    private static int Sum(Dictionary<string, Quantity>? list, Dictionary<string, decimal> sums)
    {
        int found = 0;
        foreach (string name in s_qosResources)
        {
            if (list is not null && list.TryGetValue(name, out Quantity q) && Quantity.TryParse(q.Text, out decimal value) && value > 0)
            {
                sums[name] = sums.GetValueOrDefault(name) + value;
                found++;
            }
        }
        return found;
    }
}
