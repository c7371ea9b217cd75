using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Scheduling.Plugins.TaintToleration;

/// <summary>Toleration matching as core/v1 helper ToleratesTaint has it.</summary>
public static class Tolerations
{
    public const string NoSchedule = "NoSchedule";
    public const string PreferNoSchedule = "PreferNoSchedule";
    public const string NoExecute = "NoExecute";

    /// <summary>Effects must match unless the toleration's is empty; keys unless its key is empty; Equal compares values, Exists matches any.</summary>
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

    public static bool AnyTolerates(IReadOnlyList<Toleration>? tolerations, Taint taint)
    {
        if (tolerations is null)
        {
            return false;
        }
        foreach (Toleration t in tolerations)
        {
            if (Tolerates(t, taint))
            {
                return true;
            }
        }
        return false;
    }
}
