using System.Globalization;
using MessagePack;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Agent.Nodes;

/// <summary>
/// The node status the agent reports (the kubelet's node-status setters), from its options and host facts:
/// <list type="bullet">
/// <item>capacity: cpu, memory, pods (maxPods), ephemeral-storage; allocatable: capacity less the kubelet's default
/// hard eviction thresholds (memory.available 100Mi, nodefs.available 10%), no reservations;</item>
/// <item>conditions MemoryPressure/DiskPressure/PIDPressure False and Ready True with the kubelet's reasons: each
/// one's lastHeartbeatTime is now, its lastTransitionTime kept while its status stays;</item>
/// <item>addresses InternalIP and Hostname; daemonEndpoints; nodeInfo (runtime "name://version", our version).</item>
/// </list>
/// Pure: the caller passes the time.
/// </summary>
public static class NodeStatusBuilder
{
    /// <summary>memory.available&lt;100Mi, the kubelet's default hard eviction threshold.</summary>
    private const long EvictionMemoryBytes = 100L * 1024 * 1024;

    /// <summary>nodefs.available&lt;10%.</summary>
    private const double EvictionStorageFraction = 0.10;

    public static NodeStatus Build(NodeAgentOptions options, HostFacts host, string runtimeName, string runtimeVersion, NodeStatus? current, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(host);
        long storageKi = host.EphemeralStorageBytes / 1024;
        var status = new NodeStatus
        {
            Capacity = new Dictionary<string, Quantity>(StringComparer.Ordinal)
            {
                ["cpu"] = Number(host.Cpus),
                ["ephemeral-storage"] = $"{Number(storageKi)}Ki",
                ["memory"] = $"{Number(host.MemoryBytes / 1024)}Ki",
                ["pods"] = Number(options.MaxPods),
            },
            Allocatable = new Dictionary<string, Quantity>(StringComparer.Ordinal)
            {
                ["cpu"] = Number(host.Cpus),
                ["ephemeral-storage"] = Number((long)(storageKi * 1024 * (1 - EvictionStorageFraction))),
                ["memory"] = $"{Number(Math.Max(0, host.MemoryBytes - EvictionMemoryBytes) / 1024)}Ki",
                ["pods"] = Number(options.MaxPods),
            },
            Conditions = Conditions(current?.Conditions, now),
            Addresses =
            [
                new NodeAddress { Type = "InternalIP", Address = host.InternalIP },
                new NodeAddress { Type = "Hostname", Address = options.NodeName },
            ],
            DaemonEndpoints = new NodeDaemonEndpoints { KubeletEndpoint = new DaemonEndpoint { Port = options.KubeletPort } },
            NodeInfo = new NodeSystemInfo
            {
                MachineID = host.MachineID,
                SystemUUID = host.SystemUUID,
                BootID = host.BootID,
                KernelVersion = host.KernelVersion,
                OSImage = host.OSImage,
                ContainerRuntimeVersion = $"{runtimeName}://{runtimeVersion}",
                KubeletVersion = options.KubeletVersion,
                OperatingSystem = host.OperatingSystem,
                Architecture = host.Architecture,
            },
        };
        // Whatever the agent does not report (images, volumes, runtime handlers, features) stays as it was.
        status.Images = current?.Images;
        status.VolumesInUse = current?.VolumesInUse;
        status.VolumesAttached = current?.VolumesAttached;
        status.RuntimeHandlers = current?.RuntimeHandlers;
        status.Features = current?.Features;
        return status;
    }

    /// <summary>True when the two differ in more than heartbeat times (the kubelet's nodeStatusHasChanged).</summary>
    public static bool HasChanged(NodeStatus? before, NodeStatus after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null)
        {
            return true;
        }
        return !Encode(WithoutHeartbeats(before)).AsSpan().SequenceEqual(Encode(WithoutHeartbeats(after)));
    }

    private static NodeStatus WithoutHeartbeats(NodeStatus status)
    {
        NodeStatus copy = MessagePackSerializer.Deserialize<NodeStatus>(Encode(status), ApiMessagePack.Options);
        foreach (NodeCondition condition in copy.Conditions ?? [])
        {
            condition.LastHeartbeatTime = null;
        }
        return copy;
    }

    private static byte[] Encode(NodeStatus status) => ApiMessagePack.Serialize(status);

    /// <summary>The agent's conditions in the kubelet's order, then any other type already there (NetworkUnavailable) as it is.</summary>
    private static List<NodeCondition> Conditions(List<NodeCondition>? current, DateTime now)
    {
        var conditions = new List<NodeCondition>();
        foreach ((string type, string value, string reason, string message, _) in NodeConditionSpec.Healthy)
        {
            NodeCondition? before = current?.Find(c => c.Type == type);
            conditions.Add(new NodeCondition
            {
                Type = type,
                Status = value,
                Reason = reason,
                Message = message,
                LastHeartbeatTime = now,
                LastTransitionTime = before is not null && before.Status == value ? before.LastTransitionTime ?? now : now,
            });
        }
        conditions.AddRange((current ?? []).Where(c => !NodeConditionSpec.Healthy.Any(h => h.Type == c.Type)));
        return conditions;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
