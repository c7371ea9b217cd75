using System.Globalization;

namespace RaftOrchestrator.Chaos.Runner.Report;

/// <summary>
/// Availability per fault, as a client sees it: the longest stretch without any Ok KV operation returning, from
/// the fault's start to the next fault's start (the last fault: to the last Ok return of the run, as the KV traffic
/// runs on until the cluster agrees). The KV clients move to the next member after a call that did not answer Ok,
/// so the stretch covers detection, election, the clients' own retry delays and their 2 s call deadline.
/// Seconds on the run's clock, as the history's times.
/// </summary>
internal static class FaultOutages
{
    /// <param name="okReturns">Return times of the Ok operations, in seconds, in any order.</param>
    /// <param name="faults">Each fault's name and start, in seconds, in the order they ran.</param>
    public static IReadOnlyList<double> Measure(IEnumerable<double> okReturns, IReadOnlyList<(string Name, double Start)> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        double[] ok = [.. okReturns.Order()];
        var outages = new double[faults.Count];
        for (int i = 0; i < faults.Count; i++)
        {
            double from = faults[i].Start;
            double to = i + 1 < faults.Count ? faults[i + 1].Start : (ok.Length > 0 ? Math.Max(from, ok[^1]) : from);
            double last = from, longest = 0;
            int at = Array.BinarySearch(ok, from);
            for (int j = at < 0 ? ~at : at; j < ok.Length && ok[j] < to; j++)
            {
                longest = Math.Max(longest, ok[j] - last);
                last = ok[j];
            }
            outages[i] = Math.Max(longest, to - last);
        }
        return outages;
    }

    /// <summary>One line per fault kind: the count and, from five on, p50 / p90 / max, else every value.</summary>
    public static IEnumerable<string> Describe(IReadOnlyList<string> names, IReadOnlyList<double> outages)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(outages);
        foreach (IGrouping<string, double> kind in names.Select((name, i) => (Name: name, Outage: outages[i]))
            .GroupBy(p => p.Name, p => p.Outage).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            double[] sorted = [.. kind.Order()];
            string values = sorted.Length >= 5
                ? Inv($"p50 {Percentiles.Of(sorted, 0.5):0.00} s, p90 {Percentiles.Of(sorted, 0.9):0.00} s, max {sorted[^1]:0.00} s")
                : string.Join(", ", sorted.Select(v => Inv($"{v:0.00} s")));
            yield return Inv($"{kind.Key} ×{sorted.Length}: {values}");
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
