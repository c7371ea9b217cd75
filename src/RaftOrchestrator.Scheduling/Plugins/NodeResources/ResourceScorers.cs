namespace RaftOrchestrator.Scheduling.Plugins.NodeResources;

/// <summary>
/// The scoring functions of kube-scheduler's noderesources package, integer arithmetic as there. Resources with
/// zero allocatable are left out of the weighted average; no resource left means score 0.
/// </summary>
public static class ResourceScorers
{
    /// <summary>Σ weight × (capacity − requested) × 100 / capacity, over Σ weight (0 for a resource over capacity).</summary>
    public static long LeastAllocated(ReadOnlySpan<long> requested, ReadOnlySpan<long> allocatable, ReadOnlySpan<long> weights)
    {
        long score = 0;
        long weightSum = 0;
        for (int i = 0; i < requested.Length; i++)
        {
            long capacity = allocatable[i];
            if (capacity == 0)
            {
                continue;
            }
            long r = requested[i];
            score += (r > capacity ? 0 : (capacity - r) * 100 / capacity) * weights[i];
            weightSum += weights[i];
        }
        return weightSum == 0 ? 0 : score / weightSum;
    }

    /// <summary>Σ weight × min(requested, capacity) × 100 / capacity, over Σ weight.</summary>
    public static long MostAllocated(ReadOnlySpan<long> requested, ReadOnlySpan<long> allocatable, ReadOnlySpan<long> weights)
    {
        long score = 0;
        long weightSum = 0;
        for (int i = 0; i < requested.Length; i++)
        {
            long capacity = allocatable[i];
            if (capacity == 0)
            {
                continue;
            }
            score += Math.Min(requested[i], capacity) * 100 / capacity * weights[i];
            weightSum += weights[i];
        }
        return weightSum == 0 ? 0 : score / weightSum;
    }

    /// <summary>
    /// The shape function of each resource's utilisation (requested × 100 / capacity, 100 when over capacity),
    /// shape scores scaled from 0..10 to 0..100, weighted average rounded to nearest.
    /// </summary>
    public static long RequestedToCapacityRatio(ReadOnlySpan<long> requested, ReadOnlySpan<long> allocatable, ReadOnlySpan<long> weights, IReadOnlyList<UtilizationShapePoint> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long score = 0;
        long weightSum = 0;
        for (int i = 0; i < requested.Length; i++)
        {
            long capacity = allocatable[i];
            if (capacity == 0)
            {
                continue;
            }
            long utilization = requested[i] > capacity ? 100 : requested[i] * 100 / capacity;
            score += BrokenLinear(shape, utilization) * weights[i];
            weightSum += weights[i];
        }
        return weightSum == 0 ? 0 : (long)Math.Round((double)score / weightSum, MidpointRounding.AwayFromZero);
    }

    /// <summary>1 − the standard deviation of requested/allocatable fractions (each capped at 1), × 100.</summary>
    public static long Balanced(ReadOnlySpan<long> requested, ReadOnlySpan<long> allocatable)
    {
        Span<double> fractions = stackalloc double[requested.Length];
        int count = 0;
        double total = 0;
        for (int i = 0; i < requested.Length; i++)
        {
            if (allocatable[i] == 0)
            {
                continue;
            }
            double f = Math.Min(1.0, (double)requested[i] / allocatable[i]);
            fractions[count++] = f;
            total += f;
        }
        double std = 0;
        if (count == 2)
        {
            std = Math.Abs((fractions[0] - fractions[1]) / 2);
        }
        else if (count > 2)
        {
            double mean = total / count;
            double sum = 0;
            for (int i = 0; i < count; i++)
            {
                sum += (fractions[i] - mean) * (fractions[i] - mean);
            }
            std = Math.Sqrt(sum / count);
        }
        return (long)((1 - std) * 100);
    }

    /// <summary>The shape's score (×10) at utilisation p: flat outside the points, linear between them.</summary>
    internal static long BrokenLinear(IReadOnlyList<UtilizationShapePoint> shape, long p)
    {
        for (int i = 0; i < shape.Count; i++)
        {
            if (p <= shape[i].Utilization)
            {
                if (i == 0)
                {
                    return shape[0].Score * 10L;
                }
                UtilizationShapePoint a = shape[i - 1];
                UtilizationShapePoint b = shape[i];
                return (a.Score * 10L) + ((b.Score - a.Score) * 10L * (p - a.Utilization) / (b.Utilization - a.Utilization));
            }
        }
        return shape[^1].Score * 10L;
    }
}
