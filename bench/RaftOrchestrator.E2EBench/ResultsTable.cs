using Spectre.Console;
using static RaftOrchestrator.BenchHarness.BenchFormat;

namespace RaftOrchestrator.E2EBench;

/// <summary>The run's figures as a table on standard output, the anchors beside them, then the notes.</summary>
internal static class ResultsTable
{
    public static void Write(E2EReport report, TextWriter output)
    {
        IAnsiConsole console = BenchConsole.Create(output, out TableBorder border);
        E2EResult r = report.Result;
        E2ERunSettings s = report.Settings;
        var table = new Table().Border(border).AddColumn("metric").AddColumn(new TableColumn("value").RightAligned()).AddColumn("for comparison");
        string Anchor(int i) => $"{report.Anchors[i].Name}: {report.Anchors[i].Figure}";
        table.AddRow("run", Markup.Escape($"{s.Replicas} replica(s), {N(s.Nodes)} sim nodes, {N(s.Pods)} pods / {s.Deployments} Deployments, {s.Mode}, start latency {s.StartLatency}"), "");
        table.AddRow("finished", r.Finished ? "yes" : Markup.Escape("no: " + r.Unfinished), "");
        table.AddRow("setup (cluster + nodes Ready)", $"{F(r.SetupSeconds, 1)} s", $"nodes Ready in {F(r.NodesReadySeconds, 1)} s");
        table.AddRow("pods seen / bound / running / ready", $"{N(r.Seen)} / {N(r.Bound)} / {N(r.Running)} / {N(r.Ready)}", r.ListedReady >= 0 ? $"the API lists {N(r.ListedReady)} Ready" : "");
        table.AddRow("offer s (first create -> last create or scale)", F(r.OfferSeconds, 2), $"offered {F(r.OfferedPerSecond, 0)} pods/s (seen)");
        table.AddRow("run s (first create -> last Ready)", F(r.RunSeconds, 2), $"first pod seen at {F(r.FirstSeenSeconds, 2)} s (the Deployment and ReplicaSet controllers)");
        table.AddRow("[bold]pods/s to Running and Ready[/]", $"[bold]{F(r.PodsPerSecond, 0)}[/]", Markup.Escape($"{Anchor(0)}; {Anchor(1)}; {Anchor(3)}"));
        table.AddRow("per-second p50 / p90 / p99 / max", $"{F(r.PerSecondP50, 0)} / {F(r.PerSecondP90, 0)} / {F(r.PerSecondP99, 0)} / {F(r.PerSecondMax, 0)}", "pods Ready in each whole second");
        table.AddRow("[bold]startup ms p50 / p90 / p99 / max[/]", $"[bold]{Lat(r.StartupMs)}[/]", Markup.Escape($"first seen -> Ready seen; {Anchor(2)}; {Anchor(4)}"));
        table.AddRow("scheduling ms p50 / p90 / p99 / max", Lat(r.ScheduleMs), "first seen -> bound seen");
        table.AddRow("bound -> running ms p50 / p90 / p99 / max", Lat(r.BindToRunningMs), $"includes the simulated start latency ({Markup.Escape(s.StartLatency)})");
        table.AddRow("CPU s in the timed part: sim-nodes / members / bench",
            $"{Cpu(r.SimNodesCpuSeconds)} / {string.Join(", ", r.MemberCpuSeconds.Select(Cpu))} / {F(r.BenchCpuSeconds, 1)}",
            $"of {F(r.RunSeconds * report.Cores, 1)} core-seconds ({report.Cores} cores)");
        table.AddRow("RSS MiB: sim-nodes / members", $"{Mib(r.SimNodesRssMiB)} / {string.Join(", ", r.MemberRssMiB.Select(Mib))}", "at the end of the run");
        console.Write(table);
        foreach (E2EAnchor anchor in report.Anchors)
        {
            console.WriteLine($"  {anchor.Name}: {anchor.Figure} ({anchor.Source})");
        }
        foreach (string note in report.Notes)
        {
            console.WriteLine($"note: {note}");
        }
    }

    private static string Lat(LatencySummary l) => l.Count == 0 ? "-" : $"{F(l.P50, 0)} / {F(l.P90, 0)} / {F(l.P99, 0)} / {F(l.Max, 0)}";

    private static string Cpu(double? value) => value is { } v ? F(v, 1) : "?";

    private static string Mib(double? value) => value is { } v ? F(v, 0) : "?";
}
