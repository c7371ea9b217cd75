using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;
using RaftOrchestrator.Controllers.Nodes;
using RaftOrchestrator.Controllers.Tests.ClusterTesting;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Nodes;

/// <summary>
/// The node lifecycle and taint eviction controllers over the in-memory cluster with a fake clock, and simulated
/// agents: nodes that are "alive" renew their kube-node-lease Lease as time advances, the rest go silent.
/// </summary>
internal sealed class NodeLifecycleHarness
{
    private readonly HashSet<string> _alive = new(StringComparer.Ordinal);

    public NodeLifecycleHarness(NodeLifecycleOptions? options = null)
    {
        Lifecycle = new NodeLifecycleController(options);
        Lifecycle.Register(H.Context);
        Eviction = new TaintEvictionController();
        Eviction.Register(H.Context);
    }

    public ClusterHarness H { get; } = new();

    public InMemoryClusterClient Client => H.Client;

    public NodeLifecycleController Lifecycle { get; }

    public TaintEvictionController Eviction { get; }

    public NodeHealthMonitor Monitor => Lifecycle.Monitor!;

    public DateTime Now => H.Now;

    private static CancellationToken Token => ClusterHarness.Token;

    /// <summary>A registered, ready node with a lease, renewed from now on while <see cref="Silence"/> is not called.</summary>
    public Node AddNode(string name, string? zone = null)
    {
        Node node = TestObjects.Node(name, zone is null ? null : new Dictionary<string, string> { [NodeZones.ZoneLabel] = zone });
        node.Status = new NodeStatus { Conditions = [ReadyCondition("True")] };
        Node created = Client.Seed(node);
        Client.Seed(new Lease
        {
            Metadata = new ObjectMeta { Namespace = NodeHealthMonitor.NodeLeaseNamespace, Name = name },
            Spec = new LeaseSpec { HolderIdentity = name, LeaseDurationSeconds = 40, RenewTime = Now },
        });
        _alive.Add(name);
        return created;
    }

    public void AddNodes(int count, string prefix = "node", string? zone = null)
    {
        for (int i = 0; i < count; i++)
        {
            AddNode($"{prefix}-{i:D2}", zone);
        }
    }

    /// <summary>The node's agent stops renewing its lease and posting status.</summary>
    public void Silence(string name) => _alive.Remove(name);

    public void Revive(string name) => _alive.Add(name);

    public async Task RenewAsync(string name)
    {
        Lease lease = Client.Objects<Lease>(NodeHealthMonitor.NodeLeaseNamespace).Single(l => l.Metadata.Name == name);
        lease.Spec!.RenewTime = Now;
        (await Client.Resource<Lease>().UpdateAsync(lease, cancellationToken: Token)).Unwrap();
    }

    /// <summary>The agent posts its Ready condition with a new heartbeat (and a new transition when the status changes).</summary>
    public async Task PostReadyAsync(string name, string status)
    {
        Node node = Node(name);
        NodeCondition? old = node.Status?.Conditions?.Find(c => c.Type == "Ready");
        node.Status ??= new NodeStatus();
        node.Status.Conditions ??= [];
        node.Status.Conditions.RemoveAll(c => c.Type == "Ready");
        NodeCondition ready = ReadyCondition(status);
        if (old?.Status == status)
        {
            ready.LastTransitionTime = old.LastTransitionTime;
        }
        node.Status.Conditions.Add(ready);
        (await Client.Resource<Node>().UpdateStatusAsync(node, cancellationToken: Token)).Unwrap();
    }

    /// <summary>
    /// Advances the clock by <paramref name="total"/> in steps of the monitor period; at each step the alive nodes
    /// renew, then one monitor pass and one tainting pass run (as the controller's loop would).
    /// </summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan? step = null)
    {
        TimeSpan by = step ?? TimeSpan.FromSeconds(5);
        for (TimeSpan gone = TimeSpan.Zero; gone < total; gone += by)
        {
            H.Time.Advance(by);
            foreach (string name in _alive.Order(StringComparer.Ordinal))
            {
                await RenewAsync(name);
            }
            await PassAsync();
        }
    }

    /// <summary>One monitor pass, one tainting pass, and the NoSchedule reconcile of every node.</summary>
    public async Task PassAsync()
    {
        await Monitor.MonitorAsync(Token);
        await Monitor.TaintAsync(Token);
        foreach (Node node in Client.Objects<Node>())
        {
            ReconcileResult result = await Lifecycle.NoScheduleTaints!.ReconcileAsync(ObjectKey.Of(node), Token);
            Assert.False(result.Failed, result.Failure);
        }
    }

    public Node Node(string name) => Client.Objects<Node>().Single(n => n.Metadata.Name == name);

    public NodeCondition Condition(string node, string type) => Node(node).Status!.Conditions!.Single(c => c.Type == type);

    public bool HasTaint(string node, string key, string effect) => NodeTaints.Has(Node(node), key, effect);

    /// <summary>Names of the nodes that carry this NoExecute taint, in order.</summary>
    public List<string> Tainted(string key) =>
        [.. Client.Objects<Node>().Where(n => NodeTaints.Has(n, key, NodeTaints.NoExecute)).Select(n => n.Metadata.Name!)];

    private NodeCondition ReadyCondition(string status) => new()
    {
        Type = "Ready",
        Status = status,
        Reason = status == "True" ? "KubeletReady" : "KubeletNotReady",
        LastHeartbeatTime = ApiTime.Now(H.Time),
        LastTransitionTime = ApiTime.Now(H.Time),
    };
}
