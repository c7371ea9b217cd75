using System.CommandLine;
using System.Globalization;

namespace RaftOrchestrator.E2EBench;

/// <summary>The parsed command line of one run, checked.</summary>
internal sealed record E2ESettings(
    int Replicas,
    int Nodes,
    int Pods,
    int Deployments,
    double Rate,
    TimeSpan RateStep,
    string StartLatency,
    string SchedulerBinder,
    IReadOnlyList<string> ServerArgs,
    IReadOnlyList<string> SimArgs,
    string? RorchDll,
    string OutPath,
    string ChartPath,
    TimeSpan Settle,
    TimeSpan NodesTimeout,
    TimeSpan Timeout,
    TimeSpan Stall,
    TimeSpan Sample,
    bool KeepFiles)
{
    public static E2ESettings From(ParseResult parse, E2EOptions o)
    {
        int replicas = parse.GetValue(o.Replicas);
        if (replicas is not (1 or 3))
        {
            throw new ArgumentException("--replicas takes 1 or 3");
        }
        int pods = Positive(parse.GetValue(o.Pods), "--pods");
        int deployments = Positive(parse.GetValue(o.Deployments), "--deployments");
        if (deployments > pods)
        {
            throw new ArgumentException("--deployments must not exceed --pods");
        }
        double rate = parse.GetValue(o.Rate);
        if (rate < 0 || double.IsNaN(rate))
        {
            throw new ArgumentException("--rate must be 0 (all at once) or a positive rate");
        }
        string binder = parse.GetValue(o.SchedulerBinder) is "binding-batch" or "pod-binding" ? parse.GetValue(o.SchedulerBinder)!
            : throw new ArgumentException("--scheduler-binder takes binding-batch or pod-binding");
        string outPath = Path.GetFullPath(parse.GetValue(o.Out) ?? Path.Combine(Path.GetTempPath(),
            string.Create(CultureInfo.InvariantCulture, $"ro-e2ebench-{TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()}.json")));
        return new E2ESettings(
            replicas,
            Positive(parse.GetValue(o.Nodes), "--nodes"),
            pods,
            deployments,
            rate,
            Seconds(parse.GetValue(o.RateStepSeconds), "--rate-step"),
            parse.GetValue(o.StartLatency)!,
            binder,
            Split(parse.GetValue(o.ServerArgs)),
            Split(parse.GetValue(o.SimArgs)),
            parse.GetValue(o.Rorch),
            outPath,
            Path.GetFullPath(parse.GetValue(o.Chart) ?? Path.ChangeExtension(outPath, ".png")),
            TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(o.SettleSeconds))),
            Seconds(parse.GetValue(o.NodesTimeoutSeconds), "--nodes-timeout-seconds"),
            Seconds(parse.GetValue(o.TimeoutSeconds), "--timeout-seconds"),
            Seconds(parse.GetValue(o.StallSeconds), "--stall-seconds"),
            Seconds(parse.GetValue(o.SampleSeconds), "--sample-seconds"),
            parse.GetValue(o.KeepFiles));
    }

    /// <summary>The pods offered at once (burst mode) or step by step (rate mode), for the report.</summary>
    public string Mode => Rate > 0 ? string.Create(CultureInfo.InvariantCulture, $"rate {Rate:0.##}/s") : "burst";

    private static int Positive(int value, string flag) => value > 0 ? value : throw new ArgumentException($"{flag} must be positive");

    private static TimeSpan Seconds(double value, string flag) =>
        value > 0 && value < 86_400 ? TimeSpan.FromSeconds(value) : throw new ArgumentException($"{flag} must be positive (seconds)");

    private static string[] Split(string? text) => (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
