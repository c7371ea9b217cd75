using System.Diagnostics;
using System.Net.Http.Headers;
using MessagePack;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// One case on its own fresh cluster: start the replicas, create the namespaces and the nodes (not timed), open
/// the watch, then the measured part (<see cref="MeasureAsync"/>), and stop the processes whatever happens. Every
/// failure becomes the case's outcome, so one broken case does not lose the others.
/// </summary>
internal sealed partial class CaseRun(SchedSettings settings, WorkloadCase workload, string rorchDll, string controllers)
{
    private readonly List<string> _notes = [];

    /// <summary>The --controllers the members ran with (the default falls back to "none" when the server refuses it).</summary>
    public string Controllers { get; private set; } = controllers;

    public async Task<CaseResult> RunAsync(CancellationToken ct)
    {
        using SocketsHttpHandler handler = BenchHttp.NewHandler();
        using var http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ro-schedbench", "1"));
        using var probe = new EtcdProbe();
        Progress($"{workload.Name}: encoding {workload.Pods.Count:N0} pods");
        byte[][] bodies = PodBodies.Build(workload.Pods, init: false);
        byte[][] init = PodBodies.Build(workload.Pods, init: true);
        LocalCluster? cluster = null;
        try
        {
            cluster = await StartClusterAsync(probe, ct);
            Replica leader = await probe.WaitForLeaderAsync(cluster.Replicas, TimeSpan.FromSeconds(30), ct);
            Progress($"{workload.Name}: leader {leader.Name} ({leader.ApiUrl}); creating {workload.Nodes.Count:N0} nodes");
            var api = new KubeCalls(http, leader.ApiUrl);
            long t0 = Stopwatch.GetTimestamp();
            if (await SetUpAsync(api, ct) is { } setupError)
            {
                return Failed(setupError);
            }
            double setupSeconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            Progress($"{workload.Name}: {workload.Nodes.Count:N0} nodes Ready in {setupSeconds:0.0} s");
            CaseResult result = await MeasureAsync(api, cluster, init, bodies, setupSeconds, ct);
            if (await probe.LeaderAsync(cluster.Replicas, CancellationToken.None) is { } after && after != leader)
            {
                Note($"the leader changed during the case: {leader.Name} -> {after.Name}");
            }
            return result with { Notes = [.. _notes] };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Failed("stopped (time bound of the run, or a signal) before the case ended");
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException)
        {
            return Failed(e.Message);
        }
        finally
        {
            if (cluster is not null && settings.KeepFiles)
            {
                Note($"files kept in {cluster.Root}");
            }
            cluster?.Dispose();
        }
    }

    /// <summary>
    /// Every member's extra arguments: the controllers, and the embedded scheduler — measured with its binder when the
    /// mode is external, off otherwise (nothing else may bind while the stand-in binds, creates are measured alone, or
    /// the backlog waits for the harness's own `rorch scheduler`).
    /// </summary>
    private string[] ServerArgs() => settings.Scheduler == SchedulerMode.External
        ? ["--controllers", Controllers, "--scheduler-binder", settings.SchedulerBinder]
        : ["--controllers", Controllers, "--scheduler", "none"];

    /// <summary>
    /// The cluster, with the default --controllers if the server knows every name in it, else (the node lifecycle
    /// controller not on this build yet) with --controllers none, noted; an explicit --controllers is never changed.
    /// </summary>
    private async Task<LocalCluster> StartClusterAsync(EtcdProbe probe, CancellationToken ct)
    {
        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            Progress($"{workload.Name}: starting {settings.Replicas} rorch replica(s) with --controllers {Controllers}");
            try
            {
                return await LocalCluster.StartAsync(rorchDll, new ClusterSettings(settings.Replicas, ServerArgs(), "ro-schedbench-", settings.KeepFiles),
                    probe, plain, Progress, ct);
            }
            catch (MemberExitedException e) when (settings.Controllers is null && Controllers != "none"
                && e.LogTail.Contains("unknown controller", StringComparison.Ordinal))
            {
                Note($"the server refused --controllers {Controllers} (no nodelifecycle controller in its catalog yet): ran with --controllers none, "
                    + "so no embedded controller runs; nodes never heartbeat, as in scheduler_perf, which runs no node lifecycle controller");
                Controllers = "none";
            }
        }
    }

    /// <summary>Namespaces, then the nodes (bounded concurrency), each Ready with allocatable; an error message, or null.</summary>
    private async Task<string?> SetUpAsync(KubeCalls api, CancellationToken ct)
    {
        for (int n = 0; n < workload.Pods.Namespaces; n++)
        {
            CallResult created = await api.CreateNamespaceAsync(PodBodies.NamespaceName(n), ct);
            if (!created.Ok)
            {
                return $"namespace {PodBodies.NamespaceName(n)}: {created.Error}";
            }
        }
        DateTime now = TimeProvider.System.GetUtcNow().UtcDateTime;
        int next = -1, statusWrites = 0;
        string? firstError = null;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(settings.NodeConcurrency, workload.Nodes.Count)).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < workload.Nodes.Count && Volatile.Read(ref firstError) is null)
            {
                (string? error, bool wroteStatus) = await CreateNodeAsync(api, NodeObjects.New(workload.Nodes, i, now), ct);
                if (error is not null)
                {
                    Interlocked.CompareExchange(ref firstError, $"node {NodeObjects.Name(i)}: {error}", null);
                }
                if (wroteStatus)
                {
                    Interlocked.Increment(ref statusWrites);
                }
            }
        }));
        if (statusWrites > 0)
        {
            Note($"{statusWrites:N0} node creates dropped the status: it was written through nodes/status");
        }
        return firstError;
    }

    /// <summary>Creates the node; if the reply has no Ready condition or no allocatable, writes the status through nodes/status.</summary>
    private static async Task<(string? Error, bool WroteStatus)> CreateNodeAsync(KubeCalls api, Node node, CancellationToken ct)
    {
        CallResult created = await api.CreateNodeAsync(node, ct);
        if (!created.Ok)
        {
            return (created.Error, false);
        }
        Node stored = MessagePackSerializer.Deserialize<Node>(created.Body, ApiMessagePack.Options, ct);
        if (NodeObjects.IsReady(stored))
        {
            return (null, false);
        }
        stored.Status = node.Status;
        CallResult status = await api.PutNodeStatusAsync(stored, ct);
        return status.Ok ? (null, true) : ($"nodes/status: {status.Error}", true);
    }

    private CaseResult Failed(string why)
    {
        Note(why);
        Progress($"{workload.Name}: {why}");
        return NewResult(0, 0, 0, 0, Throughput.Of(0, []), 0, 0, finished: false, $"failed: {FirstLine(why)}");
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];

    private void Note(string note)
    {
        lock (_notes)
        {
            _notes.Add(note);
        }
    }

    private static void Progress(string message) => BenchLog.Progress(message);
}
