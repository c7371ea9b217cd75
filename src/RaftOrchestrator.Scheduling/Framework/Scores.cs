namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>Score bounds and kube-scheduler's helper normalisation.</summary>
public static class Scores
{
    public const long MaxNodeScore = 100;

    public const long MinNodeScore = 0;

    /// <summary>
    /// helper.DefaultNormalizeScore: scale so the largest score becomes <paramref name="maxPriority"/> (all
    /// max when every score is zero and <paramref name="reverse"/>), then flip when reverse.
    /// </summary>
    public static void DefaultNormalize(long maxPriority, bool reverse, Span<long> scores)
    {
        long max = 0;
        foreach (long s in scores)
        {
            max = Math.Max(max, s);
        }
        if (max == 0)
        {
            if (reverse)
            {
                scores.Fill(maxPriority);
            }
            return;
        }
        for (int i = 0; i < scores.Length; i++)
        {
            long s = maxPriority * scores[i] / max;
            scores[i] = reverse ? maxPriority - s : s;
        }
    }
}
