using Spectre.Console;
using Spectre.Console.Rendering;
using static RaftOrchestrator.BenchHarness.BenchFormat;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// The printed table: one row per case. A stand-in row says so in its binder column and never gets a
/// kube-scheduler ratio; a shape without a published kube-scheduler figure shows "none published".
/// </summary>
internal static class ResultsTable
{
    public static void Write(SchedReport report, TextWriter output)
    {
        IAnsiConsole console = BenchConsole.Create(output, out TableBorder border);
        var table = new Table { Border = border };
        foreach (string column in (string[])["case", "replicas", "binder", "nodes", "pods", "created", "create s", "creates/s", "bound",
            "bind s", "pods/s avg", "per-s p50", "per-s p90", "per-s p99", "kube-scheduler", "ratio", "outcome"])
        {
            table.AddColumn(new TableColumn(new Text(column)) { Alignment = column is "case" or "binder" or "outcome" ? Justify.Left : Justify.Right });
        }
        foreach (CaseResult c in report.Cases)
        {
            Throughput t = c.Throughput;
            string binder = c.Binder == "stand-in" ? "stand-in (test binder, not a scheduler)" : c.Binder;
            string floor = c.KubeSchedulerPodsPerSecond is { } f ? F(f, 0) + "/s" : "none published";
            string ratio = c.Ratio is { } r ? F(r, 2) + "x" : c.Binder == "stand-in" ? "n/a (stand-in)" : "-";
            table.AddRow(((string[])[c.Case, N(c.Replicas), binder, N(c.Nodes), N(c.Pods), N(c.Created), F(c.CreateSeconds, 2), F(c.CreatesPerSecond, 0),
                N(t.Bound), F(t.Seconds, 2), F(t.PodsPerSecond, 0), F(t.PerSecond.P50, 0), F(t.PerSecond.P90, 0), F(t.PerSecond.P99, 0),
                floor, ratio, c.Outcome]).Select(cell => (IRenderable)new Text(cell)));
        }
        console.Write(table);
        foreach (string note in report.Notes.Concat(report.Cases.SelectMany(c => c.Notes.Select(n => $"{c.Case}: {n}"))))
        {
            output.WriteLine($"- {note}");
        }
        foreach (CaseResult c in report.Cases.Where(c => c.KubeSchedulerSource.Length > 0))
        {
            output.WriteLine($"- {c.Case}: kube-scheduler figure: {c.KubeSchedulerSource}");
        }
    }
}
