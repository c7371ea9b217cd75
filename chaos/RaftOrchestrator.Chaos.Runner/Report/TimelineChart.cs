using RaftOrchestrator.Chaos.Cluster.Faults;
using RaftOrchestrator.Chaos.History;
using RaftOrchestrator.Chaos.Runner.Recording;
using ScottPlot;

namespace RaftOrchestrator.Chaos.Runner.Report;

/// <summary>
/// timeline.png: every KV operation at its invoke second, its latency on the left axis (ok green, failed orange;
/// unknown red at the top, having no return), ok operations per second on the right axis, each fault as a shaded
/// span labelled with its name, and each leader change as a vertical line labelled with the new leader.
/// </summary>
internal static class TimelineChart
{
    public static void Write(string path, RunResult result, RunClock clock)
    {
        using var plot = new Plot();
        // ScottPlot's default is DejaVu Serif; without any system font the text would be silently missing.
        plot.Font.Set("DejaVu Sans");
        IReadOnlyList<Operation> ops = result.History.Operations;
        double top = Math.Max(100, result.Figures.MaxMs * 1.1);

        foreach (FaultRecord fault in result.Faults)
        {
            double from = clock.Seconds(fault.Start), to = Math.Max(clock.Seconds(fault.End), from + 0.05);
            var span = plot.Add.HorizontalSpan(from, to);
            span.FillStyle.Color = (fault.Error is null ? Colors.Gray : Colors.Red).WithAlpha(0.18);
            span.LineStyle.Width = 0;
            var label = plot.Add.Text(fault.Name, from, top * 0.98);
            label.LabelFontSize = 10;
            label.LabelRotation = -90;
            label.LabelAlignment = Alignment.UpperRight;
        }
        foreach (LeaderChange change in result.Leaders.Where(c => c.Leader is not null))
        {
            var line = plot.Add.VerticalLine(change.Seconds);
            line.Color = Colors.SlateBlue.WithAlpha(0.6);
            line.LineWidth = 1;
            line.LinePattern = LinePattern.Dashed;
            line.Text = change.Leader!;
            line.LabelFontSize = 10;
        }

        Points(plot, ops.Where(o => o.Outcome == OperationOutcome.Ok), o => clock.Milliseconds(o.InvokeTime, o.ReturnTime!.Value), clock, "ok", Colors.SeaGreen);
        Points(plot, ops.Where(o => o.Outcome == OperationOutcome.Failed), o => clock.Milliseconds(o.InvokeTime, o.ReturnTime!.Value), clock, "failed", Colors.DarkOrange);
        Points(plot, ops.Where(o => o.Outcome == OperationOutcome.Unknown), _ => top * 0.95, clock, "unknown (no answer)", Colors.Crimson);

        if (ops.Count > 0)
        {
            int seconds = (int)Math.Ceiling(clock.Seconds(ops.Max(o => o.InvokeTime))) + 1;
            double[] perSecond = new double[seconds];
            foreach (Operation o in ops.Where(o => o.Outcome == OperationOutcome.Ok))
            {
                perSecond[Math.Clamp((int)clock.Seconds(o.InvokeTime), 0, seconds - 1)]++;
            }
            var rate = plot.Add.Scatter(Enumerable.Range(0, seconds).Select(s => s + 0.5).ToArray(), perSecond);
            rate.Axes.YAxis = plot.Axes.Right;
            rate.MarkerSize = 0;
            rate.LineWidth = 1.5f;
            rate.Color = Colors.Black.WithAlpha(0.6);
            rate.LegendText = "ok ops/s (right axis)";
            plot.Axes.Right.Label.Text = "ok operations per second";
            plot.Axes.SetLimitsY(0, Math.Max(1, perSecond.Max()) * 1.1, plot.Axes.Right);
        }

        RunSettings s = result.Settings;
        RunFigures f = result.Figures;
        plot.Title(FormattableString.Invariant(
            $"ro-chaos {s.Profile.Name}, seed {s.Seed}, {s.Members} members: {f.Ok} ok, {f.Failed} failed, {f.Unknown} unknown; {result.Faults.Count} faults, {f.LeaderChanges} leader changes; {(result.Summary.AnyFailed ? "CHECK FAILED" : "checks passed")}"));
        plot.XLabel("seconds since the run began");
        plot.YLabel("latency (ms)");
        plot.Axes.SetLimitsY(0, top, plot.Axes.Left);
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.ShowLegend();
        string? directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        plot.SavePng(path, 1600, 800);
    }

    private static void Points(Plot plot, IEnumerable<Operation> ops, Func<Operation, double> y, RunClock clock, string label, Color color)
    {
        Operation[] selected = [.. ops];
        if (selected.Length == 0) return;
        var points = plot.Add.ScatterPoints(selected.Select(o => clock.Seconds(o.InvokeTime)).ToArray(), selected.Select(y).ToArray());
        points.MarkerSize = label.StartsWith("ok", StringComparison.Ordinal) ? 3 : 5;
        points.Color = color;
        points.LegendText = label;
    }
}
