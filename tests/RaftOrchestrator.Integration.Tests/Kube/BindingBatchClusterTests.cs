using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Scheduling;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Bindings;
using RaftOrchestrator.Client.Http;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>
/// Batched binding on three `rorch server` processes (no controller manager, so the tests are the only writers):
/// a batch is one Raft entry wherever it is sent, and batches racing on two replicas for the same node never
/// overcommit it.
/// </summary>
public sealed class BindingBatchClusterTests(ThreeReplicaFastBookmarksFixture fixture) : IClassFixture<ThreeReplicaFastBookmarksFixture>, IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly List<HttpClusterClient> _clients = [];

    [Fact]
    public async Task BindBatch_OnAFollower_IsOneRaftEntryWithATransactionPerNode()
    {
        ProcessMember leader = await fixture.Cluster.WaitForLeaderAsync(Ct);
        ProcessMember follower = fixture.Cluster.Members.First(m => m != leader);
        HttpClusterClient client = ClientOf(follower);
        string ns = await NamespaceAsync(client, "one-entry");
        string[] nodes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => NodeAsync(client, $"one-entry-{i}", cpu: "10", pods: "110")));
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => PodAsync(client, ns, $"p{i}", "100m")));
        PodBindingTarget[] bindings = [.. Enumerable.Range(0, 200).Select(i => To(ns, $"p{i}", nodes[i % nodes.Length]))];
        ulong indexBefore = (await ProcessCluster.StatusAsync(leader, Ct))!.RaftIndex;

        ApiResult<BindingBatchStatus> result = await client.BindBatchAsync(bindings, cancellationToken: Ct);

        ulong indexAfter = (await ProcessCluster.StatusAsync(leader, Ct))!.RaftIndex;
        Assert.True(result.IsOk, result.ToString());
        Assert.All(result.Value.Results, r => Assert.Equal(201, r.Code));
        Assert.Equal(20, result.Value.Results.Select(r => r.ResourceVersion).Distinct().Count());   // a revision per node
        Assert.Equal(indexBefore + 1, indexAfter);                                                    // one entry
        ObjectList<Pod> pods = (await client.Resource<Pod>().ListAsync(ns, cancellationToken: Ct)).Unwrap();
        Assert.All(pods.Items, p => Assert.Equal(nodes[int.Parse(p.Metadata.Name![1..], System.Globalization.CultureInfo.InvariantCulture) % nodes.Length], p.Spec.NodeName));
    }

    [Fact]
    public async Task BindBatch_TwoReplicasRaceForTheLastRoom_ExactlyTheRoomIsBoundAndNoNodeIsOvercommitted()
    {
        ProcessMember leader = await fixture.Cluster.WaitForLeaderAsync(Ct);
        ProcessMember[] followers = [.. fixture.Cluster.Members.Where(m => m != leader)];
        HttpClusterClient first = ClientOf(followers[0]);
        HttpClusterClient second = ClientOf(leader);
        string ns = await NamespaceAsync(first, "race");
        const int Rounds = 12;
        for (int round = 0; round < Rounds; round++)
        {
            // Room for two 500m pods; each batch asks for two, so exactly two of the four may be bound.
            string node = await NodeAsync(first, $"race-{round}", cpu: "1", pods: "110");
            string[] names = [$"r{round}-a1", $"r{round}-a2", $"r{round}-b1", $"r{round}-b2"];
            await Task.WhenAll(names.Select(n => PodAsync(first, ns, n, "500m")));
            await first.Resource<Pod>().GetAsync(ns, names[^1], Ct);   // both replicas have the pods (linearizable reads)
            await second.Resource<Pod>().GetAsync(ns, names[^1], Ct);

            Task<ApiResult<BindingBatchStatus>> a = first.BindBatchAsync([To(ns, names[0], node), To(ns, names[1], node)], cancellationToken: Ct);
            Task<ApiResult<BindingBatchStatus>> b = second.BindBatchAsync([To(ns, names[2], node), To(ns, names[3], node)], cancellationToken: Ct);
            ApiResult<BindingBatchStatus>[] results = await Task.WhenAll(a, b);

            Assert.All(results, r => Assert.True(r.IsOk, r.ToString()));
            BindingResult[] all = [.. results.SelectMany(r => r.Value!.Results)];
            Assert.Equal(2, all.Count(r => r.Code == 201));
            Assert.All(all.Where(r => r.Code != 201), r =>
            {
                Assert.Equal(BindingResult.OutOfCapacity, r.Reason);
                Assert.Equal($"node {node}: Insufficient cpu", r.Message);
            });
            ObjectList<Pod> pods = (await first.Resource<Pod>().ListAsync(ns, cancellationToken: Ct)).Unwrap();
            Assert.Equal(2, pods.Items.Count(p => p.Spec.NodeName == node));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (HttpClusterClient client in _clients)
        {
            await client.DisposeAsync();
        }
    }

    private HttpClusterClient ClientOf(ProcessMember member)
    {
        var client = new HttpClusterClient(new ClusterClientOptions { Servers = [new Uri(member.ApiUrl)], UserAgent = "rorch-binding-tests/1.0" });
        _clients.Add(client);
        return client;
    }

    private static async Task<string> NamespaceAsync(HttpClusterClient client, string name)
    {
        ApiResult<Namespace> created = await client.Resource<Namespace>().CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = name } }, cancellationToken: Ct);
        Assert.True(created.IsOk, created.ToString());
        return name;
    }

    private static async Task<string> NodeAsync(HttpClusterClient client, string name, string cpu, string pods)
    {
        Dictionary<string, Quantity> allocatable = new() { ["cpu"] = cpu, ["memory"] = "64Gi", ["pods"] = pods };
        Node created = (await client.Resource<Node>().CreateAsync(new Node { Metadata = new ObjectMeta { Name = name } }, cancellationToken: Ct)).Unwrap();
        created.Status = new NodeStatus { Capacity = allocatable, Allocatable = allocatable };
        (await client.Resource<Node>().UpdateStatusAsync(created, cancellationToken: Ct)).Unwrap();
        return name;
    }

    private static async Task PodAsync(HttpClusterClient client, string ns, string name, string cpu)
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Namespace = ns, Name = name },
            Spec = new PodSpec { Containers = [new Container { Name = "main", Image = "busybox:1", Resources = new ResourceRequirements { Requests = new() { ["cpu"] = cpu } } }] },
        };
        (await client.Resource<Pod>().CreateAsync(pod, cancellationToken: Ct)).Unwrap();
    }

    private static PodBindingTarget To(string ns, string name, string node) => new() { Namespace = ns, Name = name, NodeName = node };
}
