namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>Why a pod fit nowhere: per-node statuses, the plugins that rejected it (for queueing hints) and messages.</summary>
public sealed class Diagnosis
{
    public NodeToStatus NodeToStatus { get; } = new();

    /// <summary>Plugins that returned Unschedulable(AndUnresolvable): the queue re-tries on events they care about.</summary>
    public SortedSet<string> UnschedulablePlugins { get; } = new(StringComparer.Ordinal);

    /// <summary>Set when PreFilter rejected the pod outright; then it replaces the per-node histogram.</summary>
    public string? PreFilterMessage { get; set; }

    /// <summary>PostFilter's message (preemption's "0/N nodes are available: ..."), appended after "preemption:"-style text.</summary>
    public string? PostFilterMessage { get; set; }
}
