using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using RaftOrchestrator.Chaos.Checkers;
using RaftOrchestrator.Chaos.Cluster.Cluster;
using RaftOrchestrator.Chaos.Cluster.Faults;
using RaftOrchestrator.Chaos.History;
using RaftOrchestrator.Chaos.Runner.Profiles;
using RaftOrchestrator.Chaos.Runner.Recording;
using RaftOrchestrator.Chaos.Runner.Report;
using RaftOrchestrator.Chaos.Runner.Traffic;
using RaftOrchestrator.Client.Http;
using RaftOrchestrator.EtcdApi.V3;

namespace RaftOrchestrator.Chaos.Runner;

/// <summary>
/// One chaos run, in order: print the seed and the plan; start the cluster and `rorch sim-nodes`; set up the
/// Deployments and wait for the nodes; start the traffic (KV clients, watchers, Kubernetes mutations, snapshots, the
/// bind watch) and the leader poller; warm up; run the fault plan; stop the Kubernetes mutations, wait (bounded) for
/// every member to agree on a leader; stop the KV clients; read every key once (linearizable, from the leader); bring
/// each watcher up to that revision (bounded, with progress requests); let the Deployments converge (bounded) and
/// take the final snapshot; stop everything; check the history and write the report folder. Every wait is bounded
/// by the profile. The cluster's files are kept (under the report folder) when a checker fails or the run throws.
/// </summary>
internal static class ChaosRun
{
    private static readonly TimeSpan s_finalReadBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_watchSyncBound = TimeSpan.FromSeconds(15);

    public static async Task<RunResult> RunAsync(RunSettings settings, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        RunProfile profile = settings.Profile;
        IReadOnlyList<PlannedFault> plan = profile.Plan(settings.Seed);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ro-chaos: profile {profile.Name}, seed {settings.Seed}, {settings.Members} members (rerun: ro-chaos run --profile {profile.Name} --seed {settings.Seed} --members {settings.Members}{string.Concat(settings.ServerArgs.Select(a => " --server-arg=" + a))})"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"fault plan, seed {settings.Seed}, {plan.Count} steps"));
        foreach (PlannedFault step in plan)
        {
            await output.WriteLineAsync(step.ToString());
        }
        Directory.CreateDirectory(settings.OutDirectory);
        var clock = new RunClock(TimeProvider.System);
        var recorder = new HistoryRecorder(clock);
        var random = new Random(settings.Seed);
        string rorch = settings.RorchDll ?? RorchBinary.Find();

        await using ChaosCluster cluster = await ChaosCluster.StartAsync(new ClusterOptions
        {
            Size = settings.Members,
            Seed = settings.Seed,
            Root = Path.Combine(settings.OutDirectory, "cluster"),
            RorchDll = rorch,
            ExtraArgs = settings.ServerArgs,
        }, ct);
        cluster.KeepFiles = true;
        double started = clock.Seconds(clock.Now());
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"cluster of {settings.Members} up in {started:0.0} s ({cluster.Root})"));

        using var sim = SimNodesProcess.Start(rorch, cluster.Members.Select(m => m.ApiUrl), profile.Kube.SimNodes, settings.Seed,
            Path.Combine(cluster.Root, "sim-nodes.log"));
        await using var kubeClient = new HttpClusterClient(new ClusterClientOptions
        {
            Servers = [.. cluster.Members.Select(m => new Uri(m.ApiUrl))],
            UserAgent = "ro-chaos/1",
            RequestTimeout = TimeSpan.FromSeconds(5),
            ConnectTimeout = TimeSpan.FromSeconds(1),
        });
        var kube = new KubeTraffic(kubeClient, recorder, profile.Kube, new Random(random.Next()));
        using (var setup = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            setup.CancelAfter(TimeSpan.FromSeconds(60));
            await kube.SetupAsync(setup.Token);
            await kube.WaitForNodesAsync(profile.Kube.SimNodes, setup.Token);
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{profile.Kube.SimNodes} sim nodes ready, {profile.Kube.Deployments} deployments created at {clock.Seconds(clock.Now()):0.0} s"));

        GrpcChannel[] channels = [.. cluster.Members.Select(m => GrpcChannel.ForAddress(m.DirectClientUrl))];
        var watchers = new List<Watcher>();
        // Cancelled on the way out whatever happens, so no traffic task outlives the run (or the cluster).
        using var all = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            using var kvStop = CancellationTokenSource.CreateLinkedTokenSource(all.Token);
            using var mutateStop = CancellationTokenSource.CreateLinkedTokenSource(all.Token);
            using var observeStop = CancellationTokenSource.CreateLinkedTokenSource(all.Token);
            using var watchStop = CancellationTokenSource.CreateLinkedTokenSource(all.Token);

            for (int w = 0; w < profile.Watchers; w++)
            {
                int member = w % channels.Length;
                watchers.Add(new Watcher(w + 1, cluster.Members[member].Name, channels[member], KvTrafficOptions.Prefix, recorder));
            }
            Task[] watching = [.. watchers.Select(w => Task.Run(() => w.RunAsync(watchStop.Token), CancellationToken.None))];
            var leaders = new LeaderPoller(cluster, clock);
            Task polling = Task.Run(() => leaders.RunAsync(observeStop.Token), CancellationToken.None);
            Task[] kv = [.. Enumerable.Range(1, profile.Kv.Clients).Select(c =>
            {
                var client = new KvClient(c, channels, recorder, profile.Kv, new Random(random.Next()));
                return Task.Run(() => client.RunAsync(kvStop.Token), CancellationToken.None);
            })];
            Task mutating = Task.Run(() => kube.MutateAsync(mutateStop.Token), CancellationToken.None);
            Task snapshots = Task.Run(() => kube.SnapshotLoopAsync(observeStop.Token), CancellationToken.None);
            Task binds = Task.Run(() => kube.WatchBindsAsync(observeStop.Token), CancellationToken.None);

            await Task.Delay(profile.Warmup, clock.Time, ct);
            double faultsFrom = clock.Seconds(clock.Now());
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"traffic warmed up ({recorder.OperationCount} ops); faults from {faultsFrom:0.0} s"));
            var injector = new FaultInjector(cluster, clock.Time) { RecoveryTimeout = profile.Recovery };
            var timeline = new List<FaultRecord>();
            foreach (PlannedFault step in plan)
            {
                await Task.Delay(step.Gap, clock.Time, ct);
                FaultRecord record = await injector.InjectAsync(step, ct);
                timeline.Add(record);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  #{record.Step} {record.Name} on {record.Target}: {clock.Seconds(record.Start):0.0}-{clock.Seconds(record.End):0.0} s, leader {record.LeaderBefore ?? "-"} -> {record.LeaderAfter ?? "-"}{(record.Error is null ? "" : ", error: " + record.Error)}"));
            }
            double faultsTo = clock.Seconds(clock.Now());

            // Faults over: the Kubernetes load stops so the Deployments can settle; the KV load runs on until the
            // cluster agrees, so the recovery is under load too.
            await mutateStop.CancelAsync();
            ChaosMember leader = await cluster.WaitForAgreementAsync(profile.Recovery, ct);
            await kvStop.CancelAsync();
            await Task.WhenAll(kv);
            await mutating;

            IReadOnlyList<FinalRead> finals = await FinalReadsAsync(leader, profile.Kv.AllKeys, ct);
            long target = finals.Count == 0 ? 0 : finals.Max(f => f.ModRevision);
            await SyncWatchersAsync(watchers, target, clock.Time, ct);
            await watchStop.CancelAsync();
            await Task.WhenAll(watching);

            using var converge = CancellationTokenSource.CreateLinkedTokenSource(ct);
            converge.CancelAfter(profile.Convergence);
            ClusterSnapshot? last = await kube.ConvergeAsync(converge.Token);
            double convergedAt = clock.Seconds(clock.Now());
            await observeStop.CancelAsync();
            await Task.WhenAll(polling, snapshots, binds);

            RecordedHistory history = recorder.Build(finals);
            CheckSummary summary = HistoryChecks.CheckAll(history);
            RunFigures figures = Figures(history, clock, watchers, kube, leaders, timeline) with
            {
                StartSeconds = started,
                FaultSeconds = faultsTo - faultsFrom,
                ConvergeSeconds = convergedAt - faultsTo,
                TotalSeconds = clock.Seconds(clock.Now()),
                Converged = last is not null && KubeObservations.Converged(last),
            };
            var result = new RunResult(settings, history, timeline, leaders.Changes, summary, figures);
            ReportWriter.Write(settings.OutDirectory, result, clock);
            await output.WriteAsync(ReportWriter.Summary(result));
            cluster.KeepFiles = summary.AnyFailed || settings.KeepCluster;
            return result;
        }
        finally
        {
            await all.CancelAsync();
            foreach (Watcher w in watchers)
            {
                w.Dispose();
            }
            foreach (GrpcChannel channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    /// <summary>Every key once, by a linearizable range on the leader's direct port, retried (bounded) until it answers.</summary>
    private static async Task<IReadOnlyList<FinalRead>> FinalReadsAsync(ChaosMember leader, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var kv = new KV.KVClient(leader.DirectChannel);
        var reads = new List<FinalRead>();
        foreach (string key in keys)
        {
            FinalRead? read = null;
            await ChaosCluster.WaitUntilAsync(async () =>
            {
                try
                {
                    RangeResponse r = await kv.RangeAsync(new RangeRequest { Key = ByteString.CopyFromUtf8(key) },
                        deadline: ChaosCluster.Deadline(TimeSpan.FromSeconds(3)), cancellationToken: ct);
                    (string? value, long mod) = KvClient.Read(r);
                    read = new FinalRead(key, value, mod, key.Contains("/list/", StringComparison.Ordinal) ? ListEncoding.Decode(value) : null);
                    return true;
                }
                catch (RpcException)
                {
                    return false;
                }
            }, $"a final read of {key}", s_finalReadBound, ct);
            reads.Add(read!);
        }
        return reads;
    }

    /// <summary>Asks each watcher's stream for progress until it has covered <paramref name="target"/> (bounded; a
    /// watcher that does not get there is left as it is: the checker demands only what a stream covered).</summary>
    private static async Task SyncWatchersAsync(List<Watcher> watchers, long target, TimeProvider time, CancellationToken ct)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(s_watchSyncBound);
        try
        {
            while (watchers.Any(w => w.CoveredTo < target))
            {
                foreach (Watcher w in watchers.Where(w => w.CoveredTo < target))
                {
                    await w.RequestProgressAsync(bound.Token);
                }
                await Task.Delay(TimeSpan.FromMilliseconds(300), time, bound.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }

    private static RunFigures Figures(RecordedHistory history, RunClock clock, List<Watcher> watchers, KubeTraffic kube,
        LeaderPoller leaders, List<FaultRecord> faults)
    {
        double[] latencies = [.. history.Operations.Where(o => o.Outcome == OperationOutcome.Ok)
            .Select(o => clock.Milliseconds(o.InvokeTime, o.ReturnTime!.Value)).Order()];
        return new RunFigures
        {
            Operations = history.Operations.Count,
            Ok = history.Operations.Count(o => o.Outcome == OperationOutcome.Ok),
            Failed = history.Operations.Count(o => o.Outcome == OperationOutcome.Failed),
            Unknown = history.Operations.Count(o => o.Outcome == OperationOutcome.Unknown),
            P50Ms = Percentiles.Of(latencies, 0.50),
            P99Ms = Percentiles.Of(latencies, 0.99),
            MaxMs = latencies.Length == 0 ? 0 : latencies[^1],
            WatchEvents = history.Watch.Count(w => w.Kind == WatchRecordKind.Event),
            WatchReconnects = watchers.Sum(w => w.Reconnects),
            KubeWritesOk = kube.WritesOk,
            KubeWritesFailed = kube.WritesFailed,
            Snapshots = history.Snapshots.Count,
            Binds = history.Binds.Count,
            LeaderChanges = Math.Max(0, leaders.Changes.Count(c => c.Leader is not null) - 1),
            FaultErrors = faults.Count(f => f.Error is not null),
            FaultOutages = FaultOutages.Measure(
                history.Operations.Where(o => o.Outcome == OperationOutcome.Ok).Select(o => clock.Seconds(o.ReturnTime!.Value)),
                [.. faults.Select(f => (f.Name, clock.Seconds(f.Start)))]),
        };
    }
}
