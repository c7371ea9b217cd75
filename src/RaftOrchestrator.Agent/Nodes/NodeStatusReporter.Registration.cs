using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;

namespace RaftOrchestrator.Agent.Nodes;

public sealed partial class NodeStatusReporter
{
    /// <summary>The first wait after a failed registration (the kubelet's 100 ms), doubled up to <see cref="s_maxRegistrationBackoff"/>.</summary>
    private static readonly TimeSpan s_registrationBackoff = TimeSpan.FromMilliseconds(100);

    /// <summary>The kubelet's 7 s: an unreachable API is retried often enough to register soon after it is back.</summary>
    private static readonly TimeSpan s_maxRegistrationBackoff = TimeSpan.FromSeconds(7);

    /// <summary>Registers the Node, retrying until it is created or found (or cancelled); then records Starting.</summary>
    public async Task<Node> RegisterAsync(CancellationToken cancellationToken)
    {
        TimeSpan delay = s_registrationBackoff;
        while (true)
        {
            DateTime now = AgentTime.Now(_time);
            Node initial = Initial(now);
            ApiResult<Node> created = await _nodes.CreateAsync(initial, cancellationToken: cancellationToken);
            if (created.IsOk)
            {
                Node = created.Value;
                _lastReport = _time.GetUtcNow();
                AgentLog.Registered(_logger, _options.NodeName, "created");
                RecordTransitions(created.Value, null, initial.Status!.Conditions!);
                return created.Value;
            }
            ApiResult<Node> existing = created.IsAlreadyExists ? await ReconcileExistingAsync(initial, cancellationToken) : created;
            if (existing.IsOk)
            {
                Node = existing.Value;
                AgentLog.Registered(_logger, _options.NodeName, "existing");
                return existing.Value;
            }
            AgentLog.RegistrationFailed(_logger, _options.NodeName, existing.Code, existing.Reason, existing.Error.Message, delay);
            await Task.Delay(delay, _time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, s_maxRegistrationBackoff.Ticks));
        }
    }

    /// <summary>Records the Starting event on the Node (once per agent start).</summary>
    public void RecordStarting(Node node) => _events.Record(node, EventTypes.Normal, "Starting", "Starting kubelet.");

    /// <summary>
    /// The Node exists (a restarted agent, or registered by hand): bring the agent's default labels and the
    /// attach/detach annotation up to date (updateDefaultLabels, reconcileCMADAnnotation); everything else, taints
    /// included, stays as the cluster has it. The status is written by the next status update.
    /// </summary>
    private async Task<ApiResult<Node>> ReconcileExistingAsync(Node initial, CancellationToken cancellationToken)
    {
        ApiResult<Node> read = await _nodes.GetAsync(null, _options.NodeName, cancellationToken);
        if (!read.IsOk)
        {
            return read;
        }
        Node node = read.Value;
        ObjectMeta meta = node.Metadata;
        bool changed = false;
        meta.Labels ??= new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string key, string value) in NodeLabels.Defaults(_options.NodeName, _host))
        {
            if (!meta.Labels.TryGetValue(key, out string? have) || have != value)
            {
                meta.Labels[key] = value;
                changed = true;
            }
        }
        meta.Annotations ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (!meta.Annotations.ContainsKey(NodeLabels.ControllerManagedAttachDetach))
        {
            meta.Annotations[NodeLabels.ControllerManagedAttachDetach] = initial.Metadata.Annotations![NodeLabels.ControllerManagedAttachDetach];
            changed = true;
        }
        return changed ? await _nodes.UpdateAsync(node, cancellationToken: cancellationToken) : read;
    }
}
