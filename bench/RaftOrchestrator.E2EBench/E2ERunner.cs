using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Http;

namespace RaftOrchestrator.E2EBench;

/// <summary>
/// One run: the control plane (LocalCluster, scheduler and controllers embedded, active on the leader), `rorch
/// sim-nodes` as a process, every node Ready, then the timed part (<see cref="Measurement"/>), then the table, the
/// JSON and the chart. Bounded: the node wait, the timed part, and the whole run; SIGINT and SIGTERM end it with
/// what it has; exactly the processes it started are killed, by PID.
/// </summary>
internal static class E2ERunner
{
    public const string Namespace = "e2e";

    /// <summary>The label `rorch sim-nodes` puts on its nodes (SimFleetOptions.SimulatedLabel in the agent).</summary>
    private const string SimulatedSelector = "node.raftorchestrator.io/simulated=true";

    public static async Task<int> RunAsync(E2ESettings settings, CancellationToken ct)
    {
        string dll = RorchBinary.Find(settings.RorchDll);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(settings.NodesTimeout + settings.Timeout + TimeSpan.FromMinutes(5));
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        string started = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        long runStart = Stopwatch.GetTimestamp();
        var notes = new List<string>();
        void Note(string text)
        {
            lock (notes)
            {
                notes.Add(text);
            }
        }
        static void Say(string text) => Console.Error.WriteLine(text);

        using var http = new HttpClient(BenchHttp.NewHandler()) { Timeout = TimeSpan.FromSeconds(30) };
        using var watchHttp = new HttpClient(BenchHttp.NewHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        using var probe = new EtcdProbe();
        var clusterSettings = new ClusterSettings(settings.Replicas, ["--scheduler-binder", settings.SchedulerBinder, .. settings.ServerArgs], "ro-e2ebench-", settings.KeepFiles);
        Say($"ro-e2ebench: {settings.Replicas} replica(s), {settings.Nodes:N0} simulated nodes, {settings.Pods:N0} pods in {settings.Deployments} Deployments, {settings.Mode}");
        using LocalCluster cluster = await LocalCluster.StartAsync(dll, clusterSettings, probe, http, Say, stop.Token);
        Replica leader = await probe.WaitForLeaderAsync(cluster.Replicas, TimeSpan.FromSeconds(30), stop.Token);
        Uri[] servers = [leader.ApiUrl, .. cluster.Replicas.Where(r => r != leader).Select(r => r.ApiUrl)];
        await using var client = new HttpClusterClient(new ClusterClientOptions { Servers = servers, UserAgent = "ro-e2ebench/1" });

        using RorchProcess sim = SimNodesProcess.Start(dll, servers, settings.Nodes, settings.StartLatency, settings.SimArgs, cluster.Root);
        Say($"sim-nodes started (pid {sim.Pid}, log {sim.LogFile})");
        long nodesStart = Stopwatch.GetTimestamp();
        await WaitForNodesAsync(client, settings, sim, cluster, stop.Token);
        double nodesSeconds = Stopwatch.GetElapsedTime(nodesStart).TotalSeconds;
        Say($"{settings.Nodes:N0} nodes Ready in {nodesSeconds:0.0} s; settling {settings.Settle.TotalSeconds:0} s");
        await Task.Delay(settings.Settle, stop.Token);
        double setupSeconds = Stopwatch.GetElapsedTime(runStart).TotalSeconds;

        var measurement = new Measurement(settings, client, watchHttp, leader.ApiUrl, sim, cluster, Note);
        E2EResult result = await measurement.RunAsync(setupSeconds, nodesSeconds, stop.Token);
        if (stop.IsCancellationRequested)
        {
            Note("stopped early (time bound or a signal): the figures are partial");
        }

        var report = new E2EReport(started, Stopwatch.GetElapsedTime(runStart).TotalSeconds, Environment.ProcessorCount,
            new E2ERunSettings(settings.Replicas, settings.Nodes, settings.Pods, settings.Deployments, settings.Mode, settings.Rate, settings.StartLatency,
                settings.SchedulerBinder, settings.ServerArgs, settings.SimArgs),
            result, measurement.Timeline, measurement.ReadyPerSecond, Anchors.All, [.. notes], null);
        string? chart = null;
        try
        {
            StateChart.Write(settings.ChartPath, report);
            chart = settings.ChartPath;
        }
        catch (Exception e) when (e is IOException or TypeInitializationException or DllNotFoundException or InvalidOperationException)
        {
            report = report with { Notes = [.. report.Notes, $"no chart: {e.Message}"] };
        }
        report = report with { Chart = chart };
        ResultsTable.Write(report, Console.Out);
        await File.WriteAllTextAsync(settings.OutPath, JsonSerializer.Serialize(report, E2EJsonContext.Default.E2EReport), CancellationToken.None);
        await Console.Out.WriteLineAsync($"results: {settings.OutPath}{(chart is null ? "" : $"  chart: {chart}")}  ({report.Seconds:0} s)");
        if (settings.KeepFiles)
        {
            await Console.Out.WriteLineAsync($"files kept in {cluster.Root}");
        }
        return result.Finished && !stop.IsCancellationRequested ? 0 : 1;
    }

    /// <summary>Polls the simulated nodes (from the replica's cache) until every one is Ready; bounded by the settings.</summary>
    private static async Task WaitForNodesAsync(HttpClusterClient client, E2ESettings settings, RorchProcess sim, LocalCluster cluster, CancellationToken ct)
    {
        long start = Stopwatch.GetTimestamp();
        int ready = 0;
        while (true)
        {
            if (sim.HasExited)
            {
                throw new InvalidOperationException($"sim-nodes exited while registering; log tail:\n{sim.Tail()}");
            }
            if (cluster.Members.FirstOrDefault(m => !m.IsRunning) is { } gone)
            {
                throw new InvalidOperationException($"{gone.Replica.Name} exited while the nodes registered; log tail:\n{gone.LogTail()}");
            }
            ApiResult<ObjectList<Node>> nodes = await client.Resource<Node>().ListAsync(null, new ListRequest { LabelSelector = SimulatedSelector, ResourceVersion = "0" }, ct);
            if (nodes.IsOk)
            {
                ready = nodes.Value.Items.Count(n => n.Status?.Conditions?.Find(c => c.Type == "Ready")?.Status == "True");
                if (ready >= settings.Nodes)
                {
                    return;
                }
            }
            if (Stopwatch.GetElapsedTime(start) > settings.NodesTimeout)
            {
                throw new TimeoutException($"only {ready:N0} of {settings.Nodes:N0} nodes Ready after {settings.NodesTimeout.TotalSeconds:0} s; sim-nodes log tail:\n{sim.Tail()}");
            }
            await Console.Error.WriteLineAsync($"nodes Ready: {ready:N0}/{settings.Nodes:N0}");
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }
    }
}
