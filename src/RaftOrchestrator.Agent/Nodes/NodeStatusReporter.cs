using Microsoft.Extensions.Logging;
using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;

namespace RaftOrchestrator.Agent.Nodes;

/// <summary>
/// Registers the agent's Node and keeps its status current (the kubelet's registerWithAPIServer and
/// syncNodeStatus). Registration creates the Node with its labels, taints and status; if it exists, the agent's
/// default labels are brought up to date and the rest is left as it is. Then, every nodeStatusUpdateFrequency, the
/// status is computed against the Node as the API has it and written when it changed, or when
/// nodeStatusReportFrequency has passed since the last write; each condition transition is an event.
/// </summary>
/// <remarks>Used by one loop: no locking. A Node deleted while the agent runs is registered again.</remarks>
public sealed partial class NodeStatusReporter
{
    private readonly IResourceClient<Node> _nodes;
    private readonly NodeAgentOptions _options;
    private readonly HostFacts _host;
    private readonly IContainerRuntime _runtime;
    private readonly IEventRecorder _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private DateTimeOffset _lastReport = DateTimeOffset.MinValue;

    public NodeStatusReporter(IClusterClient client, NodeAgentOptions options, HostFacts host, IContainerRuntime runtime, IEventRecorder events, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        _nodes = client.Resource<Node>();
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The Node as the agent last wrote or read it (null before registration).</summary>
    public Node? Node { get; private set; }

    /// <summary>Node status writes that reached the API.</summary>
    public int Reports { get; private set; }

    /// <summary>The status the agent reports now over <paramref name="current"/> (its allocatable feeds the downward API).</summary>
    public NodeStatus Status(NodeStatus? current) =>
        NodeStatusBuilder.Build(_options, _host, _runtime.Name, _runtime.Version, current, AgentTime.Now(_time));

    /// <summary>Updates the status every nodeStatusUpdateFrequency until cancelled (the first update at once).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.NodeStatusUpdateFrequency, _time);
        try
        {
            do
            {
                await UpdateOnceAsync(cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>One status sync: read the Node, compute, write if changed or due; a conflict is retried from a fresh read.</summary>
    public async Task UpdateOnceAsync(CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            ApiResult<Node> read = await _nodes.GetAsync(null, _options.NodeName, cancellationToken);
            if (read.IsNotFound)
            {
                await RegisterAsync(cancellationToken);
                continue;
            }
            if (!read.IsOk)
            {
                AgentLog.NodeStatusFailed(_logger, _options.NodeName, read.Code, read.Reason, read.Error.Message);
                return;
            }
            Node current = read.Value;
            Node = current;
            NodeStatus status = Status(current.Status);
            DateTimeOffset now = _time.GetUtcNow();
            if (!NodeStatusBuilder.HasChanged(current.Status, status) && now - _lastReport < _options.NodeStatusReportFrequency)
            {
                return;
            }
            var update = new Node { ApiVersion = current.ApiVersion, Kind = current.Kind, Metadata = current.Metadata, Spec = current.Spec, Status = status };
            ApiResult<Node> written = await _nodes.UpdateStatusAsync(update, cancellationToken: cancellationToken);
            if (written.IsOk)
            {
                Node = written.Value;
                _lastReport = now;
                Reports++;
                RecordTransitions(written.Value, current.Status?.Conditions, status.Conditions!);
                return;
            }
            if (!written.IsConflict)
            {
                AgentLog.NodeStatusFailed(_logger, _options.NodeName, written.Code, written.Reason, written.Error.Message);
                return;
            }
        }
    }

    /// <summary>"Node n status is now: NodeReady" and the like, for each condition that appeared or changed.</summary>
    private void RecordTransitions(Node node, List<NodeCondition>? before, List<NodeCondition> after)
    {
        foreach ((string type, string value, _, _, string reason) in NodeConditionSpec.Healthy)
        {
            NodeCondition? previous = before?.Find(c => c.Type == type);
            if (previous?.Status != value && after.Exists(c => c.Type == type && c.Status == value))
            {
                _events.Record(node, EventTypes.Normal, reason, $"Node {_options.NodeName} status is now: {reason}");
            }
        }
    }

    private Node Initial(DateTime now)
    {
        var labels = new Dictionary<string, string>(_options.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach ((string key, string value) in NodeLabels.Defaults(_options.NodeName, _host))
        {
            labels[key] = value;
        }
        return new Node
        {
            Metadata = new ObjectMeta
            {
                Name = _options.NodeName,
                Labels = labels,
                Annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [NodeLabels.ControllerManagedAttachDetach] = "true" },
            },
            Spec = new NodeSpec { Taints = _options.RegisterWithTaints is { Count: > 0 } taints ? [.. taints] : null },
            Status = NodeStatusBuilder.Build(_options, _host, _runtime.Name, _runtime.Version, null, now),
        };
    }
}
