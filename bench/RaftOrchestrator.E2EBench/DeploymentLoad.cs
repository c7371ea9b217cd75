using System.Diagnostics;
using System.Globalization;
using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.E2EBench;

/// <summary>
/// The offered load: D Deployments e2e-0..e2e-(D-1) in one namespace, N pods in total (deployment d gets N/D, the
/// first N mod D one more). All at once (created with their replicas), or at a rate (created at 0, then scaled up
/// each step to their share of rate × elapsed, so the cluster is offered pods at that rate through the
/// Deployment and ReplicaSet controllers, as a user scaling up would).
/// </summary>
internal sealed class DeploymentLoad(IClusterClient client, string @namespace, int deployments, int pods)
{
    public static string Name(int d) => "e2e-" + d.ToString(CultureInfo.InvariantCulture);

    /// <summary>Deployment d's part of <paramref name="total"/> pods.</summary>
    public int Share(int total, int d) => (total / deployments) + (d < total % deployments ? 1 : 0);

    public async Task CreateNamespaceAsync(CancellationToken ct)
    {
        ApiResult<Namespace> created = await client.Resource<Namespace>().CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = @namespace } }, cancellationToken: ct);
        if (!created.IsOk && !created.IsAlreadyExists)
        {
            throw new InvalidOperationException($"creating namespace {@namespace}: {created}");
        }
    }

    /// <summary>Creates every Deployment, each with its share of <paramref name="total"/> replicas, all at once; the failures' messages.</summary>
    public async Task<IReadOnlyList<string>> CreateAllAsync(int total, CancellationToken ct)
    {
        ApiResult<Deployment>[] results = await Task.WhenAll(Enumerable.Range(0, deployments)
            .Select(d => client.Resource<Deployment>().CreateAsync(Build(d, Share(total, d)), cancellationToken: ct)));
        return [.. results.Where(r => !r.IsOk).Select(r => r.ToString())];
    }

    /// <summary>
    /// Scales the Deployments (created at 0) up to their shares of min(N, rate × elapsed), every <paramref name="step"/>,
    /// patching those whose share moved, until all N are offered. Returns when the last scale step was answered;
    /// failed patches are noted and tried again at the next step.
    /// </summary>
    public async Task OfferAtRateAsync(double rate, TimeSpan step, long startTimestamp, Action<string> note, CancellationToken ct)
    {
        int[] offered = new int[deployments];
        int failures = 0;
        using var timer = new PeriodicTimer(step);
        while (true)
        {
            int target = (int)Math.Min(pods, Math.Floor(rate * Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds));
            var patches = new List<Task<(int D, int Replicas, ApiResult<Deployment> Result)>>();
            for (int d = 0; d < deployments; d++)
            {
                int share = Share(target, d);
                if (share != offered[d])
                {
                    patches.Add(ScaleAsync(d, share, ct));
                }
            }
            foreach ((int d, int replicas, ApiResult<Deployment> result) in await Task.WhenAll(patches))
            {
                if (result.IsOk)
                {
                    offered[d] = replicas;
                }
                else if (++failures <= 5)
                {
                    note($"scaling {Name(d)} to {replicas} failed: {result}");
                }
            }
            if (offered.Sum() >= pods)
            {
                return;
            }
            await timer.WaitForNextTickAsync(ct);
        }
    }

    private async Task<(int, int, ApiResult<Deployment>)> ScaleAsync(int d, int replicas, CancellationToken ct) =>
        (d, replicas, await client.Resource<Deployment>().PatchAsync(@namespace, Name(d),
            Patch.MergeJson(string.Create(CultureInfo.InvariantCulture, $"{{\"spec\":{{\"replicas\":{replicas}}}}}")), cancellationToken: ct));

    /// <summary>A Deployment of one small container (requests 100m CPU and 128Mi, so the scheduler's fit plugins have work).</summary>
    public Deployment Build(int d, int replicas)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = Name(d) };
        return new Deployment
        {
            Metadata = new ObjectMeta { Namespace = @namespace, Name = Name(d) },
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
                                Image = "registry.example/e2e:1",
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
