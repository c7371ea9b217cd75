using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Queues;
using RaftOrchestrator.Controllers.Deployments;
using RaftOrchestrator.Controllers.Framework;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

public sealed class DeploymentControllerTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly InMemoryClusterClient _client;
    private readonly ManualInformerFactory _informers;
    private readonly WorkQueue<ObjectKey> _queue;
    private readonly DeploymentController _controller = new();

    public DeploymentControllerTests()
    {
        _client = new InMemoryClusterClient(_time);
        _informers = new ManualInformerFactory(_client);
        _queue = new WorkQueue<ObjectKey>(_time);
        _controller.Register(new ControllerContext
        {
            Client = _client,
            Informers = _informers,
            Events = new RecordingEventRecorder(),
            NewQueue = _ => _queue,
            Time = _time,
        });
    }

    [Fact]
    public async Task ReplicaSetEvent_EnqueuesTheControllingDeployment_OnlyWhenTheUidMatches()
    {
        Deployment web = _client.Seed(DeploymentHarness.NewDeployment("web", 1));
        ReplicaSet ours = Owned("web-1", "web", web.Metadata.Uid!);
        ReplicaSet impostor = Owned("web-2", "web", "another-uid");

        _informers.Get<ReplicaSet>().Fire(h => h.OnAdd(ours));
        _informers.Get<ReplicaSet>().Fire(h => h.OnAdd(impostor));

        Assert.Equal([new ObjectKey(DeploymentHarness.Ns, "web")], await DrainAsync());
    }

    [Fact]
    public async Task OrphanReplicaSetEvent_EnqueuesEveryDeploymentWhoseSelectorMatches()
    {
        _client.Seed(DeploymentHarness.NewDeployment("web", 1));
        _client.Seed(DeploymentHarness.NewDeployment("db", 1));
        ReplicaSet orphan = TestObjects.ReplicaSet(DeploymentHarness.Ns, "loose", 1, new Dictionary<string, string> { ["app"] = "web" });
        orphan.Metadata.Labels = new() { ["app"] = "web" };

        _informers.Get<ReplicaSet>().Fire(h => h.OnDelete(orphan));

        Assert.Equal([new ObjectKey(DeploymentHarness.Ns, "web")], await DrainAsync());
    }

    [Fact]
    public async Task PodEvent_EnqueuesARecreateDeployment_ButNotARollingOne()
    {
        Deployment recreate = _client.Seed(DeploymentHarness.NewDeployment("batch", 1, strategy: "Recreate"));
        Deployment rolling = _client.Seed(DeploymentHarness.NewDeployment("web", 1));
        ReplicaSet batchRs = _client.Seed(Owned("batch-1", "batch", recreate.Metadata.Uid!));
        ReplicaSet webRs = _client.Seed(Owned("web-1", "web", rolling.Metadata.Uid!));

        _informers.Get<Pod>().Fire(h => h.OnDelete(PodOf(batchRs)));
        _informers.Get<Pod>().Fire(h => h.OnDelete(PodOf(webRs)));

        Assert.Equal([new ObjectKey(DeploymentHarness.Ns, "batch")], await DrainAsync());
    }

    [Fact]
    public async Task RunAsync_ReconcilesWhatTheHandlersEnqueue()
    {
        Deployment web = _client.Seed(DeploymentHarness.NewDeployment("web", 2));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Task running = _controller.RunAsync(1, stop.Token);

        _informers.Get<Deployment>().Fire(h => h.OnAdd(web));
        DateTimeOffset deadline = TimeProvider.System.GetUtcNow().AddSeconds(15);
        while (_client.Objects<ReplicaSet>(DeploymentHarness.Ns).Count == 0)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "no ReplicaSet within 15 s");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

        ReplicaSet rs = Assert.Single(_client.Objects<ReplicaSet>(DeploymentHarness.Ns));
        Assert.Equal(2, rs.Spec.Replicas);
        Assert.Equal("deployment", _controller.Name);
    }

    private static ReplicaSet Owned(string name, string deployment, string uid)
    {
        ReplicaSet rs = TestObjects.ReplicaSet(DeploymentHarness.Ns, name, 1, new Dictionary<string, string> { ["app"] = deployment });
        rs.Metadata.OwnerReferences = [new OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = deployment, Uid = uid, Controller = true }];
        return rs;
    }

    private static Pod PodOf(ReplicaSet rs)
    {
        Pod pod = TestObjects.Pod(DeploymentHarness.Ns, rs.Metadata.Name + "-x", rs.Spec.Template.Metadata.Labels);
        pod.Metadata.OwnerReferences = [new OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = rs.Metadata.Name!, Uid = rs.Metadata.Uid!, Controller = true }];
        return pod;
    }

    private async Task<List<ObjectKey>> DrainAsync()
    {
        var keys = new List<ObjectKey>();
        while (_queue.Length > 0)
        {
            QueueItem<ObjectKey> item = await _queue.TakeAsync(TestContext.Current.CancellationToken);
            keys.Add(item.Key);
            _queue.Done(item.Key);
        }
        return keys;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.ShutDown();
        await _client.DisposeAsync();
    }
}
