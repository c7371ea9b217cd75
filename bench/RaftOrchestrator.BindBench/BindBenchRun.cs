using System.Diagnostics;
using System.Net;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Scheduling;
using RaftOrchestrator.Client.Bindings;
using RaftOrchestrator.Client.Http;
using RaftOrchestrator.Server.Hosting;

namespace RaftOrchestrator.BindBench;

/// <summary>
/// Starts a single replica (no controllers) on a temporary directory, creates the nodes and pods (not measured),
/// then times the batches from the first send to the last reply, <see cref="BindBenchSettings.Inflight"/> at a time.
/// </summary>
internal static class BindBenchRun
{
    public static async Task<BindBenchResult> RunAsync(BindBenchSettings settings, CancellationToken cancellationToken)
    {
        string directory = Directory.CreateTempSubdirectory("ro-bindbench-").FullName;
        try
        {
            var options = new ServerOptions
            {
                Name = "bench",
                DataDirectory = directory,
                PeerListen = new IPEndPoint(IPAddress.Loopback, settings.PortBase),
                ClientListen = new IPEndPoint(IPAddress.Loopback, settings.PortBase + 1),
                ApiListen = new IPEndPoint(IPAddress.Loopback, settings.PortBase + 2),
                Controllers = null,
            };
            await using ServerHandle server = await ServerHost.StartAsync(options, cancellationToken);
            await using var client = new HttpClusterClient(new ClusterClientOptions
            {
                Servers = [new Uri(options.ApiUrl)],
                Format = WireFormat.MessagePack,
                UserAgent = "ro-bindbench/1.0",
            });
            await SeedAsync(client, settings, cancellationToken);
            return await BindAllAsync(client, settings, cancellationToken);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task SeedAsync(HttpClusterClient client, BindBenchSettings settings, CancellationToken cancellationToken)
    {
        while (!(await client.Resource<Namespace>().GetAsync(null, "default", cancellationToken)).IsOk)
        {
            await Task.Delay(100, cancellationToken);
        }
        (await client.Resource<Namespace>().CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = "bench" } }, cancellationToken: cancellationToken)).Unwrap();
        long podsPerNode = (settings.Pods / settings.Nodes) + 1;
        Dictionary<string, Quantity> allocatable = new()
        {
            ["cpu"] = $"{podsPerNode * 100}m", ["memory"] = $"{podsPerNode * 128}Mi", ["pods"] = podsPerNode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await ParallelAsync(settings.Nodes, 16, async i =>
        {
            Node node = (await client.Resource<Node>().CreateAsync(new Node { Metadata = new ObjectMeta { Name = NodeName(i) } }, cancellationToken: cancellationToken)).Unwrap();
            node.Status = new NodeStatus { Capacity = allocatable, Allocatable = allocatable };
            (await client.Resource<Node>().UpdateStatusAsync(node, cancellationToken: cancellationToken)).Unwrap();
        });
        await ParallelAsync(settings.Pods, 32, async i => (await client.Resource<Pod>().CreateAsync(new Pod
        {
            Metadata = new ObjectMeta { Namespace = "bench", Name = PodName(i), Labels = new() { ["app"] = "bench" } },
            Spec = new PodSpec
            {
                Containers = [new Container
                {
                    Name = "main", Image = "registry.k8s.io/pause:3.10",
                    Resources = new ResourceRequirements { Requests = new() { ["cpu"] = "100m", ["memory"] = "128Mi" } },
                }],
            },
        }, cancellationToken: cancellationToken)).Unwrap());
    }

    private static async Task<BindBenchResult> BindAllAsync(HttpClusterClient client, BindBenchSettings settings, CancellationToken cancellationToken)
    {
        List<PodBindingTarget[]> batches = [.. Enumerable.Range(0, settings.Pods)
            .Select(i => new PodBindingTarget { Namespace = "bench", Name = PodName(i), NodeName = NodeName(i % settings.Nodes) })
            .Chunk(settings.BatchSize)];
        var latencies = new double[batches.Count];
        int bound = 0, refused = 0;
        var clock = Stopwatch.StartNew();
        await ParallelAsync(batches.Count, settings.Inflight, async b =>
        {
            long started = Stopwatch.GetTimestamp();
            BindingBatchStatus status = (await client.BindBatchAsync(batches[b], cancellationToken: cancellationToken)).Unwrap();
            latencies[b] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            int ok = status.Results.Count(r => r.IsBound);
            Interlocked.Add(ref bound, ok);
            Interlocked.Add(ref refused, status.Results.Count - ok);
        });
        TimeSpan elapsed = clock.Elapsed;
        Array.Sort(latencies);
        return new BindBenchResult(settings, bound, refused, elapsed, Percentile(latencies, 0.5), Percentile(latencies, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static async Task ParallelAsync(int count, int width, Func<int, Task> body)
    {
        int next = -1;
        await Task.WhenAll(Enumerable.Range(0, width).Select(async _ =>
        {
            for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await body(i);
            }
        }));
    }

    private static string NodeName(int i) => $"node-{i:D5}";

    private static string PodName(int i) => $"pod-{i:D6}";
}
