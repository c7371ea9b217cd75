using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// One run: the selected cases in file order, each on a fresh cluster (as scheduler_perf starts each case on a
/// fresh apiserver), then the table and the results file. The run is bounded by <see cref="SchedSettings.MaxTotal"/>;
/// on expiry, SIGINT or SIGTERM it stops, reports what it has, and kills exactly the processes it started.
/// </summary>
internal static class SchedRunner
{
    public static async Task<int> RunAsync(SchedSettings settings, CancellationToken ct)
    {
        IReadOnlyList<WorkloadCase> all = WorkloadLoader.Load(settings.WorkloadsPath);
        if (settings.ListOnly)
        {
            foreach (WorkloadCase c in all)
            {
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Name,-32} {c.Nodes.Count,6:N0} nodes {c.Pods.Count,7:N0} pods  kube-scheduler {(c.KubeScheduler?.PodsPerSecond is { } f ? f.ToString("N0", CultureInfo.InvariantCulture) + "/s" : "none published")}"));
            }
            return 0;
        }
        WorkloadCase[] selected = Select(all, settings.CaseNames);
        string dll = RorchBinary.Find(settings.RorchDll);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(settings.MaxTotal);
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });

        string started = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        long t0 = Stopwatch.GetTimestamp();
        var results = new List<CaseResult>();
        var notes = new List<string>();
        if (settings.Scheduler == SchedulerMode.StandIn)
        {
            notes.Add("binder = stand-in: the harness's round-robin test binder (pods/binding, no scheduling decisions); its figures are the API's bind ceiling, not a scheduler's");
        }
        string controllers = settings.Controllers ?? SchedSettings.DefaultControllers;
        foreach (WorkloadCase workload in selected)
        {
            if (stop.IsCancellationRequested)
            {
                notes.Add($"not run: {workload.Name} (time bound of {settings.MaxTotal.TotalSeconds:0} s, or a signal)");
                continue;
            }
            var run = new CaseRun(settings, workload, dll, controllers);
            CaseResult result = await run.RunAsync(stop.Token);
            controllers = run.Controllers;   // a fallback to "none" holds for the following cases too
            results.Add(result);
        }
        if (results.Select(r => r.Controllers).Distinct().ToArray() is [var only])
        {
            notes.Add($"every member ran with --controllers {only}");
        }
        if (stop.IsCancellationRequested)
        {
            notes.Add($"stopped early (time bound of {settings.MaxTotal.TotalSeconds:0} s, or a signal): the results are partial");
        }
        var report = new SchedReport(started, Stopwatch.GetElapsedTime(t0).TotalSeconds, Environment.ProcessorCount, settings.WorkloadsPath,
            settings.Replicas, Name(settings.Scheduler), settings.CreateConcurrency, settings.NodeConcurrency, settings.BindConcurrency, results, notes);
        ResultsTable.Write(report, Console.Out);
        await File.WriteAllTextAsync(settings.OutPath, JsonSerializer.Serialize(report, SchedJsonContext.Default.SchedReport), CancellationToken.None);
        await Console.Out.WriteLineAsync($"results: {settings.OutPath} ({report.Seconds:0} s)");
        bool failed = stop.IsCancellationRequested || results.Any(r => r.CreateErrors > 0 || (settings.Scheduler != SchedulerMode.None && !r.Finished));
        return failed ? 1 : 0;
    }

    public static string Name(SchedulerMode mode) => mode switch
    {
        SchedulerMode.StandIn => "stand-in",
        SchedulerMode.None => "none",
        SchedulerMode.Backlog => "backlog",
        _ => "external",
    };

    private static WorkloadCase[] Select(IReadOnlyList<WorkloadCase> all, IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return [.. all];
        }
        string[] unknown = [.. names.Where(n => all.All(c => c.Name != n))];
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"--cases: unknown case(s) {string.Join(", ", unknown)} (known: {string.Join(", ", all.Select(c => c.Name))})");
        }
        return [.. all.Where(c => names.Contains(c.Name))];
    }
}
