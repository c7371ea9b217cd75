using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Plugins.TaintToleration;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>The NoExecute eviction deadline, on the scheduler's toleration matching (core/v1 ToleratesTaint).</summary>
public static class TaintTolerations
{
    /// <summary>
    /// When a pod with these tolerations must leave a node with these NoExecute taints: <see cref="DateTime.MinValue"/>
    /// (now) if some taint is not tolerated; else the earliest timeAdded + tolerationSeconds over the taints, each taken
    /// with the first toleration that matches it (a taint without timeAdded counts from <paramref name="since"/>);
    /// null when every match tolerates forever. <paramref name="cause"/> is the taint that sets the deadline.
    /// </summary>
    public static DateTime? EvictionDeadline(IReadOnlyList<Toleration>? tolerations, IReadOnlyList<Taint> taints, DateTime since, out Taint? cause)
    {
        ArgumentNullException.ThrowIfNull(taints);
        DateTime? deadline = null;
        cause = null;
        foreach (Taint taint in taints)
        {
            Toleration? match = tolerations?.FirstOrDefault(t => Tolerations.Tolerates(t, taint));
            if (match is null)
            {
                cause = taint;
                return DateTime.MinValue;
            }
            if (match.TolerationSeconds is not { } seconds)
            {
                continue;
            }
            DateTime start = taint.TimeAdded is { } added ? DateTime.SpecifyKind(added, DateTimeKind.Utc) : since;
            DateTime due = start.AddSeconds(Math.Max(0, seconds));
            if (deadline is null || due < deadline)
            {
                deadline = due;
                cause = taint;
            }
        }
        return deadline;
    }
}
