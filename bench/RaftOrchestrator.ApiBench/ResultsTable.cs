using Spectre.Console;
using Spectre.Console.Rendering;
using static RaftOrchestrator.BenchHarness.BenchFormat;

namespace RaftOrchestrator.ApiBench;

/// <summary>
/// The printed tables: one row per request case, one per watch case (on <see cref="BenchConsole"/>: plain ASCII
/// when the output is not a terminal).
/// </summary>
internal static class ResultsTable
{
    public static void Write(BenchReport report, TextWriter output)
    {
        IAnsiConsole console = BenchConsole.Create(output, out TableBorder border);
        var requests = NewTable(border, "case", "format", "target", "clients", "ok", "errors", "req/s", "p50 ms", "p99 ms", "max ms");
        foreach (CaseResult c in report.Cases)
        {
            AddRow(requests, c.Case, c.Format, c.Target, N(c.Clients), N(c.Ops), N(c.Errors), F(c.OpsPerSecond, 0),
                F(c.Latency.P50, 2), F(c.Latency.P99, 2), F(c.Latency.Max, 2));
        }
        console.Write(requests);
        if (report.Watches.Count > 0)
        {
            var watches = NewTable(border, "watch", "format", "target", "watchers", "updates", "delivered", "events/s",
                "all p50 ms", "all p99 ms", "event p50 ms", "event p99 ms", "open s");
            foreach (WatchCaseResult w in report.Watches)
            {
                WatchResult r = w.Result;
                AddRow(watches, "fan-out", w.Format, w.Target, N(r.Watchers), $"{N(r.Sent)}/{N(r.Updates)}",
                    $"{N(r.Delivered)}/{N(r.Expected)}", F(r.EventsPerSecond, 0), F(r.AllDelivered.P50, 1), F(r.AllDelivered.P99, 1),
                    F(r.PerEvent.P50, 1), F(r.PerEvent.P99, 1), F(r.SetupSeconds, 1));
            }
            console.Write(watches);
        }
        foreach (string note in report.Notes)
        {
            output.WriteLine($"- {note}");
        }
    }

    private static Table NewTable(TableBorder border, params string[] columns)
    {
        var table = new Table { Border = border };
        foreach (string column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column)) { Alignment = column is "case" or "watch" or "format" or "target" ? Justify.Left : Justify.Right });
        }
        return table;
    }

    private static void AddRow(Table table, params string[] cells) => table.AddRow(cells.Select(cell => (IRenderable)new Text(cell)));
}
