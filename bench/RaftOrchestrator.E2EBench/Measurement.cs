using System.Diagnostics;
using System.Globalization;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.E2EBench;

/// <summary>
/// The timed part of a run: the pods watch opened from the current revision, then (the clock starts) the
/// Deployments created or scaled, and a sample of the pods by stage every interval until every pod is Ready, the
/// timeout, a stall after the offering, or a process of the run exits. Then the figures from every pod's times.
/// </summary>
internal sealed class Measurement(E2ESettings settings, IClusterClient client, HttpClient watchHttp, Uri watchUrl, RorchProcess sim, LocalCluster cluster,
    Action<string> note)
{
    private readonly List<E2ESample> _timeline = [];

    /// <summary>CPU seconds of sim-nodes, each member and this process, at the first create and at the end.</summary>
    private double?[] _cpuAtStart = [];
    private double?[] _cpuAtEnd = [];

    public IReadOnlyList<E2ESample> Timeline => _timeline;

    /// <summary>Pods that became Ready in each second from the first create (the last entry may be a partial second).</summary>
    public IReadOnlyList<int> ReadyPerSecond { get; private set; } = [];

    public async Task<E2EResult> RunAsync(double setupSeconds, double nodesSeconds, CancellationToken ct)
    {
        var load = new DeploymentLoad(client, E2ERunner.Namespace, settings.Deployments, settings.Pods);
        await load.CreateNamespaceAsync(ct);
        if (settings.Rate > 0 && await load.CreateAllAsync(0, ct) is [var first, ..])
        {
            throw new InvalidOperationException($"creating the Deployments at 0 replicas failed: {first}");
        }
        var tracker = new PodTracker(E2ERunner.Namespace);
        using var watchStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watch = new PodWatch(watchHttp, watchUrl, client, E2ERunner.Namespace, tracker, note);
        Task watching = watch.RunAsync(await CurrentRevisionAsync(ct), watchStop.Token);
        await watch.Connected.WaitAsync(TimeSpan.FromSeconds(10), ct);

        using var offerStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _cpuAtStart = CpuNow();
        long t0 = Stopwatch.GetTimestamp();
        Task offering = settings.Rate > 0
            ? load.OfferAtRateAsync(settings.Rate, settings.RateStep, t0, note, offerStop.Token)
            : CreateBurstAsync(load, offerStop.Token);
        long offerEnd = 0;
        string? unfinished = null;
        var progress = new ProgressLine();
        using (var sampler = new PeriodicTimer(settings.Sample))
        {
            while (unfinished is null)
            {
                try
                {
                    await sampler.WaitForNextTickAsync(ct);
                }
                catch (OperationCanceledException)
                {
                    unfinished = "stopped (a signal or the run's time bound)";
                    break;
                }
                long now = Stopwatch.GetTimestamp();
                PodCounts counts = Sample(tracker, t0, now);
                progress.Draw(counts, settings.Pods, Seconds(t0, now));
                if (offerEnd == 0 && offering.IsCompleted)
                {
                    offerEnd = now;
                    if (offering.IsFaulted)
                    {
                        unfinished = $"offering failed: {offering.Exception?.GetBaseException().Message}";
                    }
                }
                unfinished ??= counts.Ready >= settings.Pods ? "" : Unfinished(tracker, t0, offerEnd, now);
            }
        }
        progress.Finish();
        long end = Stopwatch.GetTimestamp();
        _cpuAtEnd = CpuNow();
        Sample(tracker, t0, end);
        await offerStop.CancelAsync();
        await watchStop.CancelAsync();
        await QuietlyAsync(offering);
        await QuietlyAsync(watching);
        if (offerEnd == 0)
        {
            offerEnd = end;
        }
        return Figures(tracker, t0, offerEnd, unfinished.Length == 0 ? null : unfinished, setupSeconds, nodesSeconds,
            ct.IsCancellationRequested ? -1 : await CountReadyAsync(ct));
    }

    private async Task CreateBurstAsync(DeploymentLoad load, CancellationToken ct)
    {
        IReadOnlyList<string> failures = await load.CreateAllAsync(settings.Pods, ct);
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"{failures.Count} Deployment creates failed, the first: {failures[0]}");
        }
    }

    /// <summary>Why the run must end now without every pod Ready, or null to go on.</summary>
    private string? Unfinished(PodTracker tracker, long t0, long offerEnd, long now)
    {
        if (Seconds(t0, now) > settings.Timeout.TotalSeconds)
        {
            return $"timed out after {settings.Timeout.TotalSeconds:0} s";
        }
        if (offerEnd != 0 && Seconds(Math.Max(tracker.LastReady, offerEnd), now) > settings.Stall.TotalSeconds)
        {
            return $"stalled: no pod became Ready for {settings.Stall.TotalSeconds:0} s";
        }
        if (sim.HasExited)
        {
            note($"sim-nodes exited; log tail:\n{sim.Tail()}");
            return "sim-nodes exited";
        }
        if (cluster.Members.FirstOrDefault(m => !m.IsRunning) is { } gone)
        {
            note($"{gone.Replica.Name} exited; log tail:\n{gone.LogTail()}");
            return $"{gone.Replica.Name} exited";
        }
        return null;
    }

    private PodCounts Sample(PodTracker tracker, long t0, long now)
    {
        PodCounts counts = tracker.Counts;
        _timeline.Add(new E2ESample(Math.Round(Seconds(t0, now), 3), counts.Pending, counts.Scheduled, counts.Running, counts.Ready));
        return counts;
    }

    private E2EResult Figures(PodTracker tracker, long t0, long offerEnd, string? unfinished, double setupSeconds, double nodesSeconds, int listedReady)
    {
        PodTimes[] pods = tracker.Snapshot();
        PodTimes[] ready = [.. pods.Where(p => p.Ready != 0)];
        double runSeconds = ready.Length == 0 ? 0 : Seconds(t0, ready.Max(p => p.Ready));
        double lastSeen = pods.Length == 0 ? 0 : Seconds(t0, pods.Max(p => p.Seen));
        int[] perSecond = new int[(int)Math.Floor(runSeconds) + 1];
        foreach (PodTimes pod in ready)
        {
            perSecond[Math.Clamp((int)Math.Floor(Seconds(t0, pod.Ready)), 0, perSecond.Length - 1)]++;
        }
        ReadyPerSecond = perSecond;
        // Whole seconds only, as scheduler_perf's throughput collector: the trailing partial second is in the series.
        LatencySummary seconds = LatencySummary.Of(perSecond.Take(Math.Max(0, perSecond.Length - 1)).Select(n => (double)n));
        PodCounts counts = tracker.Counts;
        return new E2EResult(
            unfinished is null,
            unfinished,
            counts.Seen,
            counts.Bound,
            counts.Running,
            counts.Ready,
            Math.Round(setupSeconds, 2),
            Math.Round(nodesSeconds, 2),
            Math.Round(Seconds(t0, offerEnd), 3),
            pods.Length == 0 ? 0 : Math.Round(Seconds(t0, pods.Min(p => p.Seen)), 3),
            Math.Round(runSeconds, 3),
            runSeconds > 0 ? Math.Round(ready.Length / runSeconds, 1) : 0,
            lastSeen > 0 ? Math.Round(pods.Length / lastSeen, 1) : 0,
            seconds.P50,
            seconds.P90,
            seconds.P99,
            seconds.Max,
            Round(LatencySummary.Of(ready.Select(p => Millis(p.Seen, p.Ready)))),
            Round(LatencySummary.Of(pods.Where(p => p.Bound != 0).Select(p => Millis(p.Seen, p.Bound)))),
            Round(LatencySummary.Of(pods.Where(p => p.Bound != 0 && p.Running != 0).Select(p => Millis(p.Bound, p.Running)))),
            listedReady,
            ProcessMemory.ResidentMiB(sim.Pid) is { } simRss ? Math.Round(simRss, 1) : null,
            [.. cluster.Members.Select(m => ProcessMemory.ResidentMiB(m.Pid) is { } rss ? Math.Round(rss, 1) : (double?)null)],
            CpuUsed(0),
            [.. cluster.Members.Select((_, i) => CpuUsed(i + 1))],
            CpuUsed(cluster.Members.Count + 1) ?? 0);
    }

    private double?[] CpuNow() =>
        [ProcessMemory.CpuSeconds(sim.Pid), .. cluster.Members.Select(m => ProcessMemory.CpuSeconds(m.Pid)), ProcessMemory.CpuSeconds(Environment.ProcessId)];

    /// <summary>CPU seconds process i (sim-nodes, the members, this process) used in the timed part.</summary>
    private double? CpuUsed(int i) =>
        i < _cpuAtStart.Length && i < _cpuAtEnd.Length && _cpuAtStart[i] is { } from && _cpuAtEnd[i] is { } to ? Math.Round(to - from, 2) : null;

    private async Task<long> CurrentRevisionAsync(CancellationToken ct)
    {
        ApiResult<ObjectList<Pod>> listed = await client.Resource<Pod>().ListAsync(E2ERunner.Namespace, new ListRequest { Limit = 1 }, ct);
        return listed.IsOk && long.TryParse(listed.Value.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out long revision)
            ? revision
            : throw new InvalidOperationException($"listing pods for the watch's start failed: {listed}");
    }

    /// <summary>The pods the API reports Ready at the end (a cross-check of the watch), or -1 when the list failed.</summary>
    private async Task<int> CountReadyAsync(CancellationToken ct)
    {
        int ready = 0;
        string? token = null;
        do
        {
            ApiResult<ObjectList<Pod>> page = await client.Resource<Pod>().ListAsync(E2ERunner.Namespace, new ListRequest { Limit = 1_000, Continue = token }, ct);
            if (!page.IsOk)
            {
                note($"the final list of pods failed: {page}");
                return -1;
            }
            ready += page.Value.Items.Count(p => p.Status.Phase == "Running" && p.Status.Conditions?.Find(c => c.Type == "Ready")?.Status == "True");
            token = page.Value.Metadata.Continue;
        }
        while (!string.IsNullOrEmpty(token));
        return ready;
    }

    private static async Task QuietlyAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // cancelled at the end of the run
        }
        catch (InvalidOperationException)
        {
            // reported from the sampling loop already
        }
    }

    private static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    private static double Millis(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    private static LatencySummary Round(LatencySummary s) =>
        new(s.Count, Math.Round(s.P50, 1), Math.Round(s.P90, 1), Math.Round(s.P99, 1), Math.Round(s.Max, 1));
}
