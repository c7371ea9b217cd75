using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>Toleration matching (core/v1 Toleration.ToleratesTaint) and the NoExecute eviction deadline built on it.</summary>
public static class TaintTolerations
{
    /// <summary>
    /// Does <paramref name="toleration"/> tolerate <paramref name="taint"/>? An empty effect matches every effect, an
    /// empty key (with Exists) every key; Exists ignores the value, Equal (the default) needs the same value.
    /// </summary>
    public static bool Tolerates(Toleration toleration, Taint taint)
    {
        ArgumentNullException.ThrowIfNull(toleration);
        ArgumentNullException.ThrowIfNull(taint);
        if (!string.IsNullOrEmpty(toleration.Effect) && toleration.Effect != taint.Effect)
        {
            return false;
        }
        if (!string.IsNullOrEmpty(toleration.Key) && toleration.Key != taint.Key)
        {
            return false;
        }
        return toleration.Operator switch
        {
            null or "" or "Equal" => (toleration.Value ?? "") == (taint.Value ?? ""),
            "Exists" => true,
            _ => false,
        };
    }

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
            Toleration? match = tolerations?.FirstOrDefault(t => Tolerates(t, taint));
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
