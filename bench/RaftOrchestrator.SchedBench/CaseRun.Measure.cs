using System.Diagnostics;
using System.Globalization;

namespace RaftOrchestrator.SchedBench;

internal sealed partial class CaseRun
{
    /// <summary>
    /// The measured part: one pods watch (and the stand-in binder's, if asked) from the current revision, the init
    /// pods created and bound (not timed), then the M creates with bounded concurrency from the first create's timestamp, then a wait until every pod is bound,
    /// the case's timeout passes, or nothing got bound for --stall-seconds after the creates.
    /// </summary>
    private async Task<CaseResult> MeasureAsync(KubeCalls api, LocalCluster cluster, byte[][] init, byte[][] bodies, double setupSeconds, CancellationToken ct)
    {
        (Api.Meta.ObjectList<Api.Core.Pod>? head, string? listError) = await api.ListPodsAsync(null, 1, ct);
        if (head is null || !long.TryParse(head.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out long revision))
        {
            return Failed($"listing pods for the watch's revision: {listError ?? "no resourceVersion"}");
        }
        int pods = bodies.Length;
        var recorder = new BindRecorder(pods);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watch = new PodWatch(api, "", recorder.OnEvent, Note);
        var tasks = new List<Task> { watch.RunAsync(revision, watching.Token) };
        StandInBinder? binder = null;
        if (settings.Scheduler == SchedulerMode.StandIn)
        {
            binder = new StandInBinder(api, [.. Enumerable.Range(0, workload.Nodes.Count).Select(NodeObjects.Name)], settings.BindConcurrency, Note);
            tasks.Add(binder.RunAsync(revision, watching.Token));
        }
        try
        {
            await Task.WhenAll(new[] { watch.Connected, binder?.Connected ?? Task.CompletedTask }).WaitAsync(TimeSpan.FromSeconds(10), ct);
        }
        catch (TimeoutException)
        {
            await watching.CancelAsync();
            return Failed("the pods watch did not open within 10 s");
        }

        double timeout = settings.TimeoutSeconds ?? workload.TimeoutSeconds;
        if (init.Length > 0 && await InitPodsAsync(api, init, recorder, timeout, ct) is { } initError)
        {
            await watching.CancelAsync();
            await Task.WhenAll(tasks);
            return Failed(initError);
        }
        Progress($"{workload.Name}: creating {pods:N0} pods ({settings.CreateConcurrency} in flight), binder {SchedRunner.Name(settings.Scheduler)}, timeout {timeout:0} s");
        long start = Stopwatch.GetTimestamp();
        var creating = new PodCreates(api, workload.Pods, bodies, settings.CreateConcurrency, "pod", Note);
        Task create = creating.RunAsync(ct);
        RorchProcess? scheduler = null;
        string outcome;
        try
        {
            if (settings.Scheduler == SchedulerMode.Backlog)
            {
                (scheduler, start) = await StartBacklogSchedulerAsync(cluster, creating, create, ct);
            }
            outcome = await WaitAsync(recorder, creating, create, start, timeout, ct);
            if (scheduler is { HasExited: true } && recorder.Bound < pods)
            {
                Note($"rorch scheduler exited early; its log ends:\n{scheduler.Tail()}");
            }
        }
        finally
        {
            scheduler?.Dispose();
        }
        await create.WaitAsync(ct);
        await watching.CancelAsync();
        await Task.WhenAll(tasks);

        Throughput throughput = Throughput.Of(start, recorder.BoundTimestamps());
        if (settings.Scheduler == SchedulerMode.Backlog && recorder.BoundTimestamps() is { Length: > 0 } times)
        {
            Note(string.Create(CultureInfo.InvariantCulture,
                $"backlog: {pods:N0} pods pending when rorch scheduler started; first bind {Seconds(start, times.Min()):0.00} s after its start (process start, informer lists), "
                + $"then {times.Length / Math.Max(1e-3, Seconds(times.Min(), times.Max())):N0} pods/s from first to last bind"));
        }
        await CrossCheckAsync(api, throughput.Bound, ct);
        bool finished = settings.Scheduler == SchedulerMode.None ? throughput.Bound == 0 : throughput.Bound == pods;
        if (settings.Scheduler == SchedulerMode.None && throughput.Bound > 0)
        {
            Note($"--scheduler none, yet {throughput.Bound:N0} pods were bound: something else binds on this cluster");
        }
        Progress($"{workload.Name}: {outcome}");
        return NewResult(setupSeconds, creating.Created, creating.Errors, creating.Seconds, throughput, binder?.Ok ?? 0, binder?.Errors ?? 0, finished, outcome);
    }

    /// <summary>
    /// After the watches stop: lists every pod and compares the measured pods bound in the store with those the
    /// watch saw bound, and (stand-in or not) counts pods bound to a node that does not exist; a difference is noted.
    /// </summary>
    private async Task CrossCheckAsync(KubeCalls api, int seenBound, CancellationToken ct)
    {
        var nodes = new HashSet<string>(Enumerable.Range(0, workload.Nodes.Count).Select(NodeObjects.Name), StringComparer.Ordinal);
        int bound = 0, unknownNode = 0, listed = 0;
        string? token = null;
        do
        {
            (Api.Meta.ObjectList<Api.Core.Pod>? page, string? error) = await api.ListPodsAsync(token, 1_000, ct);
            if (page is null)
            {
                Note($"cross-check: listing pods failed: {error}");
                return;
            }
            foreach (Api.Core.Pod pod in page.Items.Where(p => p.Metadata.Name is { } n && PodBodies.IndexOf(n) >= 0))
            {
                listed++;
                if (!string.IsNullOrEmpty(pod.Spec.NodeName))
                {
                    bound++;
                    unknownNode += nodes.Contains(pod.Spec.NodeName) ? 0 : 1;
                }
            }
            token = page.Metadata.Continue;
        }
        while (!string.IsNullOrEmpty(token));
        if (bound != seenBound || unknownNode > 0)
        {
            Note($"cross-check: the store has {bound:N0} of {listed:N0} measured pods bound ({unknownNode:N0} to unknown nodes); the watch saw {seenBound:N0}");
        }
        else
        {
            Progress($"{workload.Name}: cross-check: the store agrees ({bound:N0} of {listed:N0} measured pods bound)");
        }
    }

    /// <summary>The init pods, created and (unless nothing binds) bound before the clock starts; an error message, or null.</summary>
    private async Task<string?> InitPodsAsync(KubeCalls api, byte[][] init, BindRecorder recorder, double timeout, CancellationToken ct)
    {
        Progress($"{workload.Name}: creating {init.Length:N0} init pods (not measured)");
        var creating = new PodCreates(api, workload.Pods, init, settings.CreateConcurrency, "init pod", Note);
        await creating.RunAsync(ct);
        if (creating.Errors > 0)
        {
            return $"{creating.Errors:N0} init pod creates failed";
        }
        if (settings.Scheduler is SchedulerMode.None or SchedulerMode.Backlog)
        {
            return null;
        }
        long start = Stopwatch.GetTimestamp(), lastChange = start;
        int last = 0;
        while (recorder.InitBound < init.Length)
        {
            await Task.Delay(200, ct);
            long now = Stopwatch.GetTimestamp();
            if (recorder.InitBound != last)
            {
                (last, lastChange) = (recorder.InitBound, now);
            }
            if (Seconds(start, now) >= timeout || Seconds(lastChange, now) >= settings.StallSeconds)
            {
                return $"init pods: {recorder.InitBound:N0}/{init.Length:N0} bound after {Seconds(start, now):0} s; the measured pods were not created";
            }
        }
        Progress($"{workload.Name}: {init.Length:N0} init pods bound in {Seconds(start, Stopwatch.GetTimestamp()):0.0} s");
        return null;
    }

    /// <summary>Polls every 200 ms, with a progress line every 2 s; answers the outcome in words.</summary>
    private async Task<string> WaitAsync(BindRecorder recorder, PodCreates creating, Task create, long start, double timeout, CancellationToken ct)
    {
        int pods = workload.Pods.Count, lastBound = 0;
        long lastChange = start, lastProgress = start;
        while (true)
        {
            await Task.Delay(200, ct);
            long now = Stopwatch.GetTimestamp();
            int bound = recorder.Bound;
            if (bound != lastBound)
            {
                (lastBound, lastChange) = (bound, now);
            }
            double elapsed = Seconds(start, now);
            if (Seconds(lastProgress, now) >= 2)
            {
                lastProgress = now;
                Progress(string.Create(CultureInfo.InvariantCulture, $"{workload.Name}: {elapsed,6:0.0} s  created {creating.Created,7:N0}/{pods:N0}  seen {recorder.Added,7:N0}  bound {bound,7:N0}"));
            }
            if (settings.Scheduler == SchedulerMode.None)
            {
                if (create.IsCompleted && Seconds(creating.EndTimestamp, now) >= 2)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"creates only: {creating.Created:N0} created in {creating.Seconds:0.00} s, {bound:N0} bound");
                }
            }
            else if (bound >= pods)
            {
                return string.Create(CultureInfo.InvariantCulture, $"finished: {bound:N0} pods bound");
            }
            else if (elapsed >= timeout)
            {
                return string.Create(CultureInfo.InvariantCulture, $"did not finish: {bound:N0}/{pods:N0} bound within the {timeout:0} s timeout");
            }
            else if (create.IsCompleted && Seconds(Math.Max(lastChange, creating.EndTimestamp), now) >= settings.StallSeconds)
            {
                return string.Create(CultureInfo.InvariantCulture, $"did not finish: {bound:N0}/{pods:N0} bound, none for {settings.StallSeconds:0} s after the creates");
            }
        }
    }

    /// <summary>
    /// Backlog mode: waits for every create to be answered, then starts `rorch scheduler` against every replica; the
    /// scheduler's start timestamp is the start of the measurement.
    /// </summary>
    private async Task<(RorchProcess Scheduler, long Start)> StartBacklogSchedulerAsync(LocalCluster cluster, PodCreates creating, Task create, CancellationToken ct)
    {
        await create.WaitAsync(ct);
        Progress(string.Create(CultureInfo.InvariantCulture,
            $"{workload.Name}: {creating.Created:N0} pods created in {creating.Seconds:0.00} s with nothing scheduling; starting rorch scheduler --binder {settings.SchedulerBinder}"));
        long start = Stopwatch.GetTimestamp();
        return (SchedulerProcess.Start(rorchDll, cluster.Replicas.Select(r => r.ApiUrl), settings.SchedulerBinder, cluster.Root), start);
    }

    private static double Seconds(long from, long to) => (double)(to - from) / Stopwatch.Frequency;

    private CaseResult NewResult(double setupSeconds, int created, int createErrors, double createSeconds, Throughput throughput,
        int standInBinds, int standInErrors, bool finished, string outcome)
    {
        double? floor = workload.KubeScheduler?.PodsPerSecond;
        double? ratio = settings.Scheduler is SchedulerMode.External or SchedulerMode.Backlog && finished && floor is > 0 ? throughput.PodsPerSecond / floor : null;
        string source = workload.KubeScheduler is { } k
            ? (k.PodsPerSecond is null ? "none published: " : "") + k.Source
            : "none published";
        return new CaseResult(workload.Name, settings.Replicas, SchedRunner.Name(settings.Scheduler), Controllers, workload.Nodes.Count,
            workload.Pods.Count, setupSeconds, created, createErrors, createSeconds, createSeconds > 0 ? created / createSeconds : 0, throughput,
            standInBinds, standInErrors, floor, source, ratio, finished, outcome, [.. _notes]);
    }
}
