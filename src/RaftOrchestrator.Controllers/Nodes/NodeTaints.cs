using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>The taints the node lifecycle controller owns (node.kubernetes.io/*), and list operations on taints.</summary>
public static class NodeTaints
{
    public const string NotReady = "node.kubernetes.io/not-ready";
    public const string Unreachable = "node.kubernetes.io/unreachable";
    public const string Unschedulable = "node.kubernetes.io/unschedulable";
    public const string MemoryPressure = "node.kubernetes.io/memory-pressure";
    public const string DiskPressure = "node.kubernetes.io/disk-pressure";
    public const string PIDPressure = "node.kubernetes.io/pid-pressure";
    public const string NetworkUnavailable = "node.kubernetes.io/network-unavailable";

    public const string NoExecute = "NoExecute";
    public const string NoSchedule = "NoSchedule";

    /// <summary>The NoSchedule taint for a condition in a given status (TaintNodesByCondition), if any.</summary>
    public static string? NoScheduleKeyFor(string conditionType, string status) => (conditionType, status) switch
    {
        ("Ready", "False") => NotReady,
        ("Ready", "Unknown") => Unreachable,
        ("MemoryPressure", "True") => MemoryPressure,
        ("DiskPressure", "True") => DiskPressure,
        ("NetworkUnavailable", "True") => NetworkUnavailable,
        ("PIDPressure", "True") => PIDPressure,
        _ => null,
    };

    /// <summary>Is this NoSchedule taint one the controller derives from conditions or spec.unschedulable?</summary>
    public static bool IsConditionTaint(Taint taint)
    {
        ArgumentNullException.ThrowIfNull(taint);
        return taint.Effect == NoSchedule
            && taint.Key is NotReady or Unreachable or Unschedulable or MemoryPressure or DiskPressure or NetworkUnavailable or PIDPressure;
    }

    /// <summary>Taints match by key and effect (a node has at most one of each pair).</summary>
    public static bool Matches(Taint a, Taint b) => a.Key == b.Key && a.Effect == b.Effect;

    public static bool Has(Node node, string key, string effect)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Spec?.Taints?.Exists(t => t.Key == key && t.Effect == effect) == true;
    }

    /// <summary>The node's NoExecute taints (empty when it has none).</summary>
    public static IReadOnlyList<Taint> NoExecuteOf(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Spec?.Taints?.FindAll(t => t.Effect == NoExecute) ?? [];
    }

    /// <summary>
    /// <paramref name="current"/> with <paramref name="remove"/> taken out and <paramref name="add"/> added, or null
    /// when that changes nothing. A taint to add that is already present (same key, effect and value) is kept as it is,
    /// so its timeAdded — the start of every toleration's countdown — survives repeated passes.
    /// </summary>
    public static List<Taint>? Swap(IReadOnlyList<Taint> current, IReadOnlyList<Taint> add, IReadOnlyList<Taint> remove)
    {
        ArgumentNullException.ThrowIfNull(current);
        var result = new List<Taint>(current.Count + add.Count);
        bool changed = false;
        foreach (Taint taint in current)
        {
            bool replaced = add.Any(a => Matches(a, taint) && a.Value != taint.Value);
            if (replaced || remove.Any(r => Matches(r, taint)))
            {
                changed = true;
                continue;
            }
            result.Add(taint);
        }
        foreach (Taint taint in add)
        {
            if (!result.Exists(t => Matches(t, taint)))
            {
                result.Add(taint);
                changed = true;
            }
        }
        return changed ? result : null;
    }
}
