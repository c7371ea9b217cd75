using System.Globalization;
using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Chaos.History;
using RaftOrchestrator.Chaos.Runner.Recording;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Chaos.Runner.Traffic;

/// <summary>
/// The Kubernetes traffic and its observation, through the members' HTTP API (any member; the client fails over):
/// a few Deployments in one namespace scaled up and down and their pods deleted while the faults run, the state
/// listed as cluster snapshots (nodes, pods, Deployments; the pods list's resourceVersion is the snapshot's
/// revision), and every pod's binding observed on a pod watch (relisted after any error), so a pod that moves to
/// a second node, or loses its node, is seen. Each loop runs on its own task; counters are interlocked.
/// </summary>
internal sealed class KubeTraffic(IClusterClient client, HistoryRecorder recorder, KubeTrafficOptions options, Random random)
{
    private readonly Dictionary<string, string> _boundTo = new(StringComparer.Ordinal);
    private int _writesOk;
    private int _writesFailed;

    public int WritesOk => Volatile.Read(ref _writesOk);

    public int WritesFailed => Volatile.Read(ref _writesFailed);

    public static string Name(int d) => "chaos-" + d.ToString(CultureInfo.InvariantCulture);

    /// <summary>The namespace and the Deployments, each retried until it exists (bounded by the token).</summary>
    public async Task SetupAsync(CancellationToken ct)
    {
        await RetryAsync(async () =>
        {
            ApiResult<Namespace> r = await client.Resource<Namespace>().CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = options.Namespace } }, cancellationToken: ct);
            return r.IsOk || r.IsAlreadyExists;
        }, ct);
        for (int d = 0; d < options.Deployments; d++)
        {
            Deployment deployment = Build(d, options.InitialReplicas);
            await RetryAsync(async () =>
            {
                ApiResult<Deployment> r = await client.Resource<Deployment>().CreateAsync(deployment, cancellationToken: ct);
                return r.IsOk || r.IsAlreadyExists;
            }, ct);
        }
    }

    public async Task WaitForNodesAsync(int count, CancellationToken ct)
    {
        await RetryAsync(async () =>
        {
            ApiResult<ObjectList<Node>> nodes = await client.Resource<Node>().ListAsync(null, cancellationToken: ct);
            return nodes.IsOk && nodes.Value!.Items.Count(n => n.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true) >= count;
        }, ct);
    }

    /// <summary>Scales a random Deployment to 1..MaxReplicas or deletes one of its pods, every Interval, until cancelled.</summary>
    public async Task MutateAsync(CancellationToken ct)
    {
        TimeProvider time = recorder.Clock.Time;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Interval, time, ct);
                string name = Name(random.Next(options.Deployments));
                bool ok = random.Next(3) < 2 ? await ScaleAsync(name, 1 + random.Next(options.MaxReplicas), ct) : await DeleteOnePodAsync(name, ct);
                Interlocked.Increment(ref ok ? ref _writesOk : ref _writesFailed);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or ApiException)
            {
                Interlocked.Increment(ref _writesFailed);
            }
        }
    }

    /// <summary>A snapshot every Interval until cancelled (a failed list skips that round).</summary>
    public async Task SnapshotLoopAsync(CancellationToken ct)
    {
        TimeProvider time = recorder.Clock.Time;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await TakeSnapshotAsync(ct);
                await Task.Delay(options.Interval, time, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or ApiException)
            {
            }
        }
    }

    /// <summary>Lists nodes, pods and Deployments (linearizable lists) and records them; null if any list failed.</summary>
    public async Task<ClusterSnapshot?> TakeSnapshotAsync(CancellationToken ct)
    {
        ApiResult<ObjectList<Node>> nodes = await client.Resource<Node>().ListAsync(null, cancellationToken: ct);
        ApiResult<ObjectList<Pod>> pods = await client.Resource<Pod>().ListAsync(options.Namespace, cancellationToken: ct);
        ApiResult<ObjectList<Deployment>> deployments = await client.Resource<Deployment>().ListAsync(options.Namespace, cancellationToken: ct);
        if (!nodes.IsOk || !pods.IsOk || !deployments.IsOk || !long.TryParse(pods.Value!.Metadata.ResourceVersion, CultureInfo.InvariantCulture, out long revision))
        {
            return null;
        }
        var snapshot = new ClusterSnapshot(revision,
            [.. nodes.Value!.Items.Select(KubeObservations.Node)],
            [.. pods.Value.Items.Select(KubeObservations.Pod)],
            [.. deployments.Value!.Items.Select(KubeObservations.Deployment)]);
        recorder.Snapshot(snapshot);
        return snapshot;
    }

    /// <summary>Snapshots until the Deployments have converged or the token ends; the last snapshot taken (recorded).</summary>
    public async Task<ClusterSnapshot?> ConvergeAsync(CancellationToken ct)
    {
        ClusterSnapshot? last = null;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                last = await TakeSnapshotAsync(ct) ?? last;
                if (last is not null && KubeObservations.Converged(last))
                {
                    return last;
                }
                await Task.Delay(TimeSpan.FromSeconds(1), recorder.Clock.Time, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or ApiException)
            {
            }
        }
        return last;
    }

    /// <summary>
    /// Lists the namespace's pods and watches from the list's revision; every pod seen with a node is a bind
    /// sighting. The first node of a uid is recorded as its bind; a different node later is recorded again (the
    /// checker reports a pod bound twice). After any error or the end of a stream: relist.
    /// </summary>
    public async Task WatchBindsAsync(CancellationToken ct)
    {
        IResourceClient<Pod> pods = client.Resource<Pod>();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                ApiResult<ObjectList<Pod>> list = await pods.ListAsync(options.Namespace, cancellationToken: ct);
                if (!list.IsOk || !long.TryParse(list.Value!.Metadata.ResourceVersion, CultureInfo.InvariantCulture, out long revision))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), recorder.Clock.Time, ct);
                    continue;
                }
                foreach (Pod pod in list.Value.Items)
                {
                    Sighted(pod, revision);
                }
                ApiResult<IWatchStream<Pod>> opened = await pods.WatchAsync(options.Namespace,
                    new WatchRequest { ResourceVersion = list.Value.Metadata.ResourceVersion }, ct);
                if (!opened.IsOk)
                {
                    continue;
                }
                await using IWatchStream<Pod> stream = opened.Value!;
                while (await stream.ReadAsync(ct) is { } e)
                {
                    if (e.Type == Client.Watching.WatchEventType.Error)
                    {
                        break;
                    }
                    if (e.Value is { } pod && e.Type != Client.Watching.WatchEventType.Bookmark
                        && long.TryParse(e.ResourceVersion, CultureInfo.InvariantCulture, out long at))
                    {
                        Sighted(pod, at);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or ApiException)
            {
            }
        }
    }

    private void Sighted(Pod pod, long revision)
    {
        string? uid = pod.Metadata.Uid;
        string? node = pod.Spec?.NodeName;
        if (string.IsNullOrEmpty(uid) || string.IsNullOrEmpty(node))
        {
            return;
        }
        if (!_boundTo.TryGetValue(uid, out string? known) || known != node)
        {
            _boundTo[uid] = node;
            recorder.Bind(new BindObservation(uid, node, revision));
        }
    }

    private async Task<bool> ScaleAsync(string name, int replicas, CancellationToken ct) =>
        (await client.Resource<Deployment>().PatchAsync(options.Namespace, name,
            Patch.MergeJson(string.Create(CultureInfo.InvariantCulture, $"{{\"spec\":{{\"replicas\":{replicas}}}}}")), cancellationToken: ct)).IsOk;

    private async Task<bool> DeleteOnePodAsync(string deployment, CancellationToken ct)
    {
        ApiResult<ObjectList<Pod>> pods = await client.Resource<Pod>().ListAsync(options.Namespace,
            new ListRequest { LabelSelector = $"{KubeObservations.AppLabel}={deployment}", ResourceVersion = "0" }, ct);
        if (!pods.IsOk)
        {
            return false;
        }
        Pod[] live = [.. pods.Value!.Items.Where(p => p.Metadata.DeletionTimestamp is null)];
        if (live.Length == 0)
        {
            return true;
        }
        Pod victim = live[random.Next(live.Length)];
        ApiResult<Pod> deleted = await client.Resource<Pod>().DeleteAsync(options.Namespace, victim.Metadata.Name!, cancellationToken: ct);
        return deleted.IsOk || deleted.IsNotFound;
    }

    private async Task RetryAsync(Func<Task<bool>> attempt, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                if (await attempt())
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or ApiException || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), recorder.Clock.Time, ct);
        }
    }

    /// <summary>A Deployment of one small container (100m cpu, 128Mi), selected on app=&lt;name&gt;.</summary>
    private Deployment Build(int d, int replicas)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [KubeObservations.AppLabel] = Name(d) };
        return new Deployment
        {
            Metadata = new ObjectMeta { Namespace = options.Namespace, Name = Name(d) },
            Spec = new DeploymentSpec
            {
                Replicas = replicas,
                Selector = new LabelSelector { MatchLabels = new Dictionary<string, string>(labels, StringComparer.Ordinal) },
                Template = new PodTemplateSpec
                {
                    Metadata = new ObjectMeta { Labels = labels },
                    Spec = new PodSpec
                    {
                        Containers =
                        [
                            new Container
                            {
                                Name = "app",
                                Image = "registry.example/chaos:1",
                                Resources = new ResourceRequirements
                                {
                                    Requests = new Dictionary<string, Quantity>(StringComparer.Ordinal) { ["cpu"] = "100m", ["memory"] = "128Mi" },
                                },
                            },
                        ],
                    },
                },
            },
        };
    }
}
