using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Nodes;

public sealed partial class NodeHealthMonitor
{
    /// <summary>Tries of a node's status update: the first on the cached node, the rest on a fresh read.</summary>
    private const int NodeStatusUpdateAttempts = 5;

    private static readonly string[] s_unknownOnSilence = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"];

    private async Task<HealthUpdate> UpdateHealthAsync(Node cached, CancellationToken cancellationToken)
    {
        Node node = cached;
        for (int attempt = 0; attempt < NodeStatusUpdateAttempts; attempt++)
        {
            if (attempt > 0)
            {
                ApiResult<Node> fresh = await _client.Resource<Node>().GetAsync(null, cached.Metadata.Name!, cancellationToken);
                if (fresh.IsNotFound)
                {
                    return HealthUpdate.Failure(cached);
                }
                if (!fresh.IsOk)
                {
                    continue;
                }
                node = fresh.Value;
            }
            if (await TryUpdateHealthAsync(node, cancellationToken) is { } update)
            {
                return update;
            }
        }
        NodeLifecycleLog.StatusUpdateFailed(_logger, cached.Metadata.Name ?? "");
        return HealthUpdate.Failure(cached);
    }

    /// <summary>
    /// Kubernetes' tryUpdateNodeHealth: refresh the node's probe timestamp if a heartbeat moved, and once the grace
    /// period has passed without one, set its Ready and pressure conditions Unknown through nodes/status (the
    /// heartbeat times are kept: they say when the agent was last heard). Null when that write failed.
    /// </summary>
    private async Task<HealthUpdate?> TryUpdateHealthAsync(Node node, CancellationToken cancellationToken)
    {
        string name = node.Metadata.Name ?? "";
        DateTimeOffset now = _time.GetUtcNow();
        NodeCondition? ready = NodeReadiness.Condition(node, NodeReadiness.Ready);
        _health.TryGetValue(name, out NodeHealth? saved);
        NodeHealth health;
        TimeSpan grace;
        if (ready is null)
        {
            // Never posted: measured from the node's creation, with the longer startup grace.
            grace = _options.NodeStartupGracePeriod;
            DateTimeOffset created = node.Metadata.CreationTimestamp is { } c ? new DateTimeOffset(DateTime.SpecifyKind(c, DateTimeKind.Utc)) : now;
            health = saved is null
                ? new NodeHealth { ProbeTimestamp = created, ReadyTransitionTimestamp = created }
                : saved with { HasReady = false, ReadyStatus = null, ReadyHeartbeat = null, ReadyTransition = null };
        }
        else
        {
            grace = _options.NodeMonitorGracePeriod;
            if (saved is null || !saved.HasReady)
            {
                health = Observed(ready, now, now, saved?.LeaseRenewTime);
            }
            else if (saved.ReadyHeartbeat != ready.LastHeartbeatTime)
            {
                DateTimeOffset transition = saved.ReadyTransition != ready.LastTransitionTime ? now : saved.ReadyTransitionTimestamp;
                health = Observed(ready, now, transition, saved.LeaseRenewTime);
            }
            else
            {
                health = saved with { ReadyStatus = ready.Status };
            }
        }
        // Any change of renewTime is a heartbeat (Kubernetes asks for a later one): an agent whose clock stepped
        // back still proves it is alive.
        Lease? lease = _leases.Get(NodeLeaseNamespace, name);
        if (lease?.Spec?.RenewTime is { } renewed && health.LeaseRenewTime != renewed)
        {
            health = health with { LeaseRenewTime = renewed, ProbeTimestamp = now };
        }
        _health[name] = health;
        if (now <= health.ProbeTimestamp + grace)
        {
            return new HealthUpdate(node, ready?.Status, ready?.Status, false);
        }

        Node changed = ObjectCopy.Clone(node);
        NodeCondition current = MarkUnknown(changed, ApiTime.Now(_time));
        if (ready is not null && current.Status == ready.Status && current.Reason == ready.Reason && current.Message == ready.Message
            && current.LastTransitionTime == ready.LastTransitionTime)
        {
            return new HealthUpdate(node, ready.Status, ready.Status, false);
        }
        ApiResult<Node> written = await _client.Resource<Node>().UpdateStatusAsync(changed, cancellationToken: cancellationToken);
        if (!written.IsOk)
        {
            NodeLifecycleLog.StatusWriteFailed(_logger, name, written.ToString());
            return null;
        }
        NodeLifecycleLog.MarkedUnknown(_logger, name, (now - health.ProbeTimestamp).TotalSeconds);
        _health[name] = Observed(current, health.ProbeTimestamp, now, health.LeaseRenewTime);
        return new HealthUpdate(written.Value, ready?.Status, current.Status, false);
    }

    private static NodeHealth Observed(NodeCondition ready, DateTimeOffset probe, DateTimeOffset transition, DateTime? leaseRenewTime) => new()
    {
        ProbeTimestamp = probe,
        ReadyTransitionTimestamp = transition,
        HasReady = true,
        ReadyStatus = ready.Status,
        ReadyHeartbeat = ready.LastHeartbeatTime,
        ReadyTransition = ready.LastTransitionTime,
        LeaseRenewTime = leaseRenewTime,
    };

    /// <summary>Sets the conditions the agent reports to Unknown (NetworkUnavailable is the network's, not the agent's); returns Ready.</summary>
    private static NodeCondition MarkUnknown(Node node, DateTime now)
    {
        node.Status ??= new NodeStatus();
        node.Status.Conditions ??= [];
        foreach (string type in s_unknownOnSilence)
        {
            NodeCondition? condition = node.Status.Conditions.Find(c => c.Type == type);
            if (condition is null)
            {
                node.Status.Conditions.Add(new NodeCondition
                {
                    Type = type,
                    Status = "Unknown",
                    Reason = "NodeStatusNeverUpdated",
                    Message = "Kubelet never posted node status.",
                    LastHeartbeatTime = node.Metadata.CreationTimestamp,
                    LastTransitionTime = now,
                });
            }
            else if (condition.Status != "Unknown")
            {
                condition.Status = "Unknown";
                condition.Reason = "NodeStatusUnknown";
                condition.Message = "Kubelet stopped posting node status.";
                condition.LastTransitionTime = now;
            }
        }
        return node.Status.Conditions.Find(c => c.Type == NodeReadiness.Ready)!;
    }
}
