using System.Globalization;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.ReplicaSets;

/// <summary>
/// Which pods a scale-down deletes first: Kubernetes' ActivePodsWithRanks order, least valuable first.
/// <list type="number">
/// <item>not on a node before on a node;</item>
/// <item>Pending before Unknown before Running;</item>
/// <item>not ready before ready;</item>
/// <item>lower <c>controller.kubernetes.io/pod-deletion-cost</c> before higher;</item>
/// <item>doubled up before alone: more active related pods (of the owner and its siblings under the same
/// controller) on the same node first;</item>
/// <item>of two ready pods, the one ready more recently (or with no ready time) first;</item>
/// <item>higher container restart count first (regular containers, then restartable init containers);</item>
/// <item>newer (or no) creation time first.</item>
/// </list>
/// Ties end in name order so the choice is deterministic. Times compare linearly (Kubernetes' LogarithmicScaleDown
/// buckets are not applied).
/// </summary>
internal static class PodDeletionOrder
{
    public const string DeletionCostAnnotation = "controller.kubernetes.io/pod-deletion-cost";

    /// <summary>The <paramref name="count"/> pods of <paramref name="pods"/> to delete first.</summary>
    public static List<Pod> PodsToDelete(IReadOnlyList<Pod> pods, IEnumerable<Pod> related, int count)
    {
        if (count >= pods.Count)
        {
            return [.. pods];
        }
        var onNode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Pod pod in related.Where(PodReadiness.IsActive))
        {
            string node = pod.Spec.NodeName ?? "";
            onNode[node] = onNode.GetValueOrDefault(node) + 1;
        }
        var ranked = pods.Select(p => (Pod: p, Rank: onNode.GetValueOrDefault(p.Spec.NodeName ?? ""))).ToList();
        ranked.Sort((a, b) => Compare(a.Pod, a.Rank, b.Pod, b.Rank));
        return [.. ranked.Take(count).Select(r => r.Pod)];
    }

    /// <summary>Negative when <paramref name="a"/> goes before <paramref name="b"/>.</summary>
    public static int Compare(Pod a, int rankA, Pod b, int rankB)
    {
        bool assignedA = !string.IsNullOrEmpty(a.Spec.NodeName), assignedB = !string.IsNullOrEmpty(b.Spec.NodeName);
        if (assignedA != assignedB)
        {
            return assignedA ? 1 : -1;
        }
        int phase = PhaseOrdinal(a).CompareTo(PhaseOrdinal(b));
        if (phase != 0)
        {
            return phase;
        }
        bool readyA = PodReadiness.IsReady(a), readyB = PodReadiness.IsReady(b);
        if (readyA != readyB)
        {
            return readyA ? 1 : -1;
        }
        int cost = DeletionCost(a).CompareTo(DeletionCost(b));
        if (cost != 0)
        {
            return cost;
        }
        if (rankA != rankB)
        {
            return rankB.CompareTo(rankA);
        }
        if (readyA && NewerFirst(ReadyTime(a), ReadyTime(b)) is int ready and not 0)
        {
            return ready;
        }
        int restarts = Restarts(b).CompareTo(Restarts(a));
        if (restarts != 0)
        {
            return restarts;
        }
        if (NewerFirst(a.Metadata.CreationTimestamp, b.Metadata.CreationTimestamp) is int created and not 0)
        {
            return created;
        }
        return string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name);
    }

    /// <summary>Go's podPhaseToOrdinal: Pending 0, Unknown 1, Running 2; any other phase counts as 0.</summary>
    private static int PhaseOrdinal(Pod pod) => pod.Status?.Phase switch
    {
        "Unknown" => 1,
        "Running" => 2,
        _ => 0,
    };

    private static int DeletionCost(Pod pod) =>
        pod.Metadata.Annotations?.GetValueOrDefault(DeletionCostAnnotation) is { } text
        && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int cost) ? cost : 0;

    private static DateTime? ReadyTime(Pod pod) => PodReadiness.Condition(pod, "Ready")?.LastTransitionTime;

    /// <summary>Kubernetes' afterOrZero: an absent time first, else the later time first.</summary>
    private static int NewerFirst(DateTime? a, DateTime? b)
    {
        if (a == b)
        {
            return 0;
        }
        if (a is null || b is null)
        {
            return a is null ? -1 : 1;
        }
        return b.Value.CompareTo(a.Value);
    }

    /// <summary>The highest restart count of the regular containers, then of the restartable (sidecar) init containers.</summary>
    private static (int Regular, int Sidecar) Restarts(Pod pod)
    {
        int regular = pod.Status?.ContainerStatuses?.Select(c => c.RestartCount).DefaultIfEmpty().Max() ?? 0;
        HashSet<string> sidecars = [.. (pod.Spec.InitContainers ?? []).Where(c => c.RestartPolicy == "Always").Select(c => c.Name)];
        int sidecar = pod.Status?.InitContainerStatuses?.Where(c => sidecars.Contains(c.Name)).Select(c => c.RestartCount).DefaultIfEmpty().Max() ?? 0;
        return (regular, sidecar);
    }
}
