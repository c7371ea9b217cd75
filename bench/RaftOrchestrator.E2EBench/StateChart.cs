using ScottPlot;

namespace RaftOrchestrator.E2EBench;

/// <summary>The PNG chart of a run: pods Pending, Scheduled and Running over the seconds from the first create.</summary>
internal static class StateChart
{
    public static void Write(string path, E2EReport report)
    {
        using var plot = new Plot();
        // ScottPlot's default is DejaVu Serif; without any system font the text would be silently missing.
        plot.Font.Set("DejaVu Sans");
        double[] t = [.. report.Timeline.Select(s => s.T)];
        Line(plot, t, [.. report.Timeline.Select(s => (double)s.Pending)], "Pending (not bound)", Colors.Orange);
        Line(plot, t, [.. report.Timeline.Select(s => (double)s.Scheduled)], "Scheduled (bound, not running)", Colors.SteelBlue);
        Line(plot, t, [.. report.Timeline.Select(s => (double)s.Running)], "Running", Colors.SeaGreen);
        E2ERunSettings s = report.Settings;
        E2EResult r = report.Result;
        plot.Title(FormattableString.Invariant(
            $"{s.Pods:N0} pods on {s.Nodes:N0} sim nodes, {s.Replicas} replica(s), {s.Mode}: {r.PodsPerSecond:N0} pods/s, startup p99 {r.StartupMs.P99:N0} ms"));
        plot.XLabel("seconds since the first create");
        plot.YLabel("pods");
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.ShowLegend();
        string? directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        plot.SavePng(path, 1200, 700);
    }

    private static void Line(Plot plot, double[] xs, double[] ys, string label, Color color)
    {
        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = label;
        line.MarkerSize = 0;
        line.LineWidth = 2;
        line.Color = color;
    }
}
