namespace RaftOrchestrator.Scheduling.Plugins.DefaultPreemption;

public sealed partial class DefaultPreemption
{
    /// <summary>
    /// pickOneNodeForPreemption: a candidate with no victims at once; otherwise, narrowing the set at each step to
    /// the best: fewest PodDisruptionBudget violations; lowest priority of its most important victim; smallest sum
    /// of victim priorities (each shifted by 2^31 so every term is positive); fewest victims; latest start among
    /// its most important victims. The first remaining in candidate order wins.
    /// </summary>
    private static Candidate PickCandidate(List<Candidate> candidates)
    {
        foreach (Candidate c in candidates)
        {
            if (c.Victims.Count == 0)
            {
                return c;
            }
        }
        IEnumerable<Candidate> best = candidates;
        best = Lowest(best, c => c.PdbViolations);
        best = Lowest(best, c => c.Victims[0].Priority);
        best = Lowest(best, c => c.Victims.Sum(v => (long)v.Priority + int.MaxValue + 1L));
        best = Lowest(best, c => c.Victims.Count);
        best = Lowest(best, c => -EarliestStartOfTopVictims(c).Ticks);
        return best.First();
    }

    private static List<Candidate> Lowest(IEnumerable<Candidate> candidates, Func<Candidate, long> key)
    {
        var list = candidates.ToList();
        long min = list.Min(key);
        return [.. list.Where(c => key(c) == min)];
    }

    /// <summary>GetEarliestPodStartTime: of the victims with the highest priority, the earliest start.</summary>
    private static DateTime EarliestStartOfTopVictims(Candidate c)
    {
        int top = c.Victims[0].Priority;
        return c.Victims.Where(v => v.Priority == top).Min(StartTime);
    }
}
