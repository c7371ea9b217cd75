using System.Globalization;
using System.Text;
using System.Text.Json;
using RaftOrchestrator.Chaos.Cluster.Faults;
using RaftOrchestrator.Chaos.History;
using RaftOrchestrator.Chaos.Runner.Recording;

namespace RaftOrchestrator.Chaos.Runner.Report;

/// <summary>
/// The report folder of a run: the history (<see cref="HistoryFiles"/>: operations, watch, final reads, snapshots,
/// binds as JSON lines), faults.jsonl (the fault timeline), leaders.jsonl, verdicts.json, figures.json,
/// summary.txt (what the run printed at its end) and timeline.png (<see cref="TimelineChart"/>).
/// <c>ro-chaos check DIR</c> re-runs the checkers over such a folder.
/// </summary>
internal static class ReportWriter
{
    public const string FaultsFile = "faults.jsonl";
    public const string LeadersFile = "leaders.jsonl";
    public const string VerdictsFile = "verdicts.json";
    public const string FiguresFile = "figures.json";
    public const string SummaryFile = "summary.txt";
    public const string ChartFile = "timeline.png";

    public static void Write(string directory, RunResult result, RunClock clock)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(clock);
        Directory.CreateDirectory(directory);
        HistoryFiles.Save(directory, result.History);
        ReportJsonContext ctx = ReportJsonContext.Default;
        WriteLines(Path.Combine(directory, FaultsFile), result.Faults.Select(f => JsonSerializer.Serialize(f, ctx.FaultRecord)));
        WriteLines(Path.Combine(directory, LeadersFile), result.Leaders.Select(l => JsonSerializer.Serialize(l, ctx.LeaderChange)));
        File.WriteAllText(Path.Combine(directory, VerdictsFile), JsonSerializer.Serialize(result.Summary.Verdicts.ToList(), ctx.ListCheckVerdict));
        File.WriteAllText(Path.Combine(directory, FiguresFile), JsonSerializer.Serialize(result.Figures, ctx.RunFigures));
        File.WriteAllText(Path.Combine(directory, SummaryFile), Summary(result));
        TimelineChart.Write(Path.Combine(directory, ChartFile), result, clock);
    }

    /// <summary>The summary table: the run's figures, then the checkers' table and any failure's excerpt.</summary>
    public static string Summary(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        RunFigures f = result.Figures;
        RunSettings s = result.Settings;
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(Inv($"== ro-chaos {s.Profile.Name}, seed {s.Seed}, {s.Members} members: {f.TotalSeconds:0} s (cluster up {f.StartSeconds:0.0} s, faults {f.FaultSeconds:0.0} s, convergence {f.ConvergeSeconds:0.0} s)"));
        text.AppendLine(Inv($"operations  {f.Operations,6}  ok {f.Ok}, failed {f.Failed}, unknown {f.Unknown}; ok latency p50 {f.P50Ms:0.0} ms, p99 {f.P99Ms:0.0} ms, max {f.MaxMs:0} ms"));
        text.AppendLine(Inv($"watch       {f.WatchEvents,6}  events, {f.WatchReconnects} reconnects"));
        text.AppendLine(Inv($"kubernetes  {f.KubeWritesOk,6}  writes ok, {f.KubeWritesFailed} failed; {f.Snapshots} snapshots, {f.Binds} binds, converged: {(f.Converged ? "yes" : "no")}"));
        text.AppendLine(Inv($"faults      {result.Faults.Count,6}  ({f.FaultErrors} with errors), {f.LeaderChanges} leader changes"));
        foreach (FaultRecord fault in result.Faults.Where(r => r.Error is not null))
        {
            text.AppendLine(Inv($"  #{fault.Step} {fault.Name}: {fault.Error}"));
        }
        if (f.FaultOutages.Count == result.Faults.Count && result.Faults.Count > 0)
        {
            text.AppendLine("availability: the longest stretch without an ok KV op from each fault's start, by kind");
            foreach (string line in FaultOutages.Describe([.. result.Faults.Select(r => r.Name)], f.FaultOutages))
            {
                text.AppendLine("  " + line);
            }
        }
        text.AppendLine();
        text.Append(result.Summary.Format());
        text.AppendLine(result.Summary.ExitCode switch
        {
            0 => "result: every checker passed",
            1 => Inv($"result: FAILED (rerun: ro-chaos run --profile {s.Profile.Name} --seed {s.Seed} --members {s.Members})"),
            _ => "result: inconclusive",
        });
        return text.ToString();
    }

    private static void WriteLines(string path, IEnumerable<string> lines)
    {
        using var writer = new StreamWriter(path, append: false);
        foreach (string line in lines)
        {
            writer.Write(line);
            writer.Write('\n');
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
