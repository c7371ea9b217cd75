using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Client.Informers;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>
/// The periodic half of the node lifecycle controller (Kubernetes' monitorNodeHealth and doNoExecuteTaintingPass):
/// <see cref="MonitorAsync"/> marks nodes whose heartbeats stopped as Unknown, queues NoExecute taints per zone and
/// marks the pods of nodes that just stopped being ready; <see cref="TaintAsync"/> applies the queued taints at each
/// zone's rate. Both read the shared listers and write through the client.
/// </summary>
/// <remarks>
/// Single-threaded by contract: one loop calls both methods, never concurrently, and owns every field here (the
/// health map, the zone states, the zone queues) without a lock. Running them in one loop also means a taint is
/// never applied between a pass's marking and the same pass's disruption check, which may cancel it.
/// </remarks>
public sealed partial class NodeHealthMonitor
{
    public const string NodeLeaseNamespace = "kube-node-lease";

    private readonly IClusterClient _client;
    private readonly ILister<Node> _nodes;
    private readonly ILister<Lease> _leases;
    private readonly ILister<Pod> _pods;
    private readonly string _podsByNodeIndex;
    private readonly IEventRecorder _events;
    private readonly NodeLifecycleOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    private readonly Dictionary<string, NodeHealth> _health = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node> _known = new(StringComparer.Ordinal);

    /// <summary>Nodes whose pods could not all be marked not ready; retried every pass while the node is not ready.</summary>
    private readonly HashSet<string> _podMarkRetries = new(StringComparer.Ordinal);

    public NodeHealthMonitor(IClusterClient client, ILister<Node> nodes, ILister<Lease> leases, ILister<Pod> pods, string podsByNodeIndex, IEventRecorder events, NodeLifecycleOptions options, TimeProvider time, ILogger logger)
    {
        _client = client;
        _nodes = nodes;
        _leases = leases;
        _pods = pods;
        _podsByNodeIndex = podsByNodeIndex;
        _events = events;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>One monitor pass over every node.</summary>
    public async Task MonitorAsync(CancellationToken cancellationToken)
    {
        Node[] nodes = [.. _nodes.List().OrderBy(n => n.Metadata.Name, StringComparer.Ordinal)];
        ObserveMembership(nodes);
        var zoneReadiness = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        foreach (Node cached in nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            HealthUpdate update = await UpdateHealthAsync(cached, cancellationToken);
            if (update.Failed)
            {
                continue;
            }
            Node node = update.Node;
            string zone = NodeZones.KeyOf(node);
            EnsureZone(zone); // a relabelled node may have moved to a zone not seen yet
            if (!zoneReadiness.TryGetValue(zone, out List<string?>? statuses))
            {
                zoneReadiness[zone] = statuses = [];
            }
            statuses.Add(update.Current);
            if (update.Current is null)
            {
                continue;
            }
            await ProcessTaintBasedEvictionAsync(node, update.Current, cancellationToken);
            await MarkPodsIfNeededAsync(node, update, cancellationToken);
        }
        await HandleDisruptionAsync(zoneReadiness, nodes, cancellationToken);
    }

    /// <summary>Records nodes that appeared and disappeared since the last pass, and forgets the gone ones.</summary>
    private void ObserveMembership(Node[] nodes)
    {
        var present = new HashSet<string>(nodes.Select(n => n.Metadata.Name ?? ""), StringComparer.Ordinal);
        foreach (Node node in nodes)
        {
            string name = node.Metadata.Name ?? "";
            if (_known.TryAdd(name, node))
            {
                NodeLifecycleLog.NodeObserved(_logger, name);
                _events.Record(node, EventTypes.Normal, "RegisteredNode", $"Registered Node {name} in Controller");
                EnsureZone(NodeZones.KeyOf(node));
            }
        }
        foreach (string gone in _known.Keys.Where(k => !present.Contains(k)).ToArray())
        {
            Node node = _known[gone];
            _known.Remove(gone);
            _health.Remove(gone);
            _podMarkRetries.Remove(gone);
            _tainters.GetValueOrDefault(NodeZones.KeyOf(node))?.Remove(gone);
            NodeLifecycleLog.NodeGone(_logger, gone);
            _events.Record(node, EventTypes.Normal, "RemovingNode", $"Removing Node {gone} from Controller");
        }
    }

    /// <summary>
    /// Marks the pods not ready when this pass saw the node stop being ready (it was Ready=True, now is not), and
    /// again on later passes while an earlier marking failed.
    /// </summary>
    private async Task MarkPodsIfNeededAsync(Node node, HealthUpdate update, CancellationToken cancellationToken)
    {
        string name = node.Metadata.Name ?? "";
        bool becameNotReady = update.Current != "True" && update.Observed == "True";
        if (becameNotReady)
        {
            _events.Record(node, EventTypes.Normal, "NodeNotReady", $"Node {name} status is now: NodeNotReady");
        }
        if (!becameNotReady && !(_podMarkRetries.Contains(name) && update.Current != "True"))
        {
            _podMarkRetries.Remove(name);
            return;
        }
        IReadOnlyList<Pod> pods = _pods.ByIndex(_podsByNodeIndex, name);
        if (await NodeWrites.MarkPodsNotReadyAsync(_client, _events, pods, name, Framework.ApiTime.Now(_time), cancellationToken))
        {
            _podMarkRetries.Remove(name);
        }
        else
        {
            NodeLifecycleLog.PodMarkFailed(_logger, name);
            _podMarkRetries.Add(name);
        }
    }
}
