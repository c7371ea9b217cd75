using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Agent.Fleet;

public sealed partial class SimFleet
{
    public const string NodeLeaseNamespace = "kube-node-lease";

    /// <summary>Reported as nodeInfo.kubeletVersion (the API server's version, as a kubelet of the same release would).</summary>
    public const string KubeletVersion = "v1.32.4-rorch";

    /// <summary>Reported as nodeInfo.containerRuntimeVersion.</summary>
    public const string RuntimeVersion = "sim://0.1.0";

    private static readonly TimeSpan s_registerBackoffMin = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan s_registerBackoffMax = TimeSpan.FromSeconds(10);

    /// <summary>Registers every node and its Lease, <see cref="SimFleetOptions.RegisterConcurrency"/> at a time; each is retried until it succeeds.</summary>
    private async Task RegisterNodesAsync(CancellationToken cancellationToken)
    {
        FleetLog.Registering(_logger, _nodes.Length, _nodes[0].Name, _nodes[^1].Name);
        long started = _time.GetTimestamp();
        await Parallel.ForEachAsync(_nodes, new ParallelOptions { MaxDegreeOfParallelism = _options.RegisterConcurrency, CancellationToken = cancellationToken },
            async (node, ct) =>
            {
                Random random;
                lock (_gate)
                {
                    random = new Random(_random.Next());
                }
                var backoff = new FleetBackoff(s_registerBackoffMin, s_registerBackoffMax, random);
                while (await RegisterAsync(node, ct) is { } failure)
                {
                    TimeSpan delay = backoff.Next();
                    FleetLog.RegisterFailed(_logger, node.Name, failure, delay);
                    await Task.Delay(delay, _time, ct);
                }
                Interlocked.Increment(ref _counters.NodesRegistered);
                ScheduleFirstRenewal(node);
            });
        FleetLog.Registered(_logger, _nodes.Length, _time.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// The kubelet's registerWithAPIServer: create the Node with its status; if it exists already (a restarted
    /// fleet), take it over and write this status. Then its Lease. Null when done, else what failed.
    /// </summary>
    private async Task<string?> RegisterAsync(FleetNode node, CancellationToken cancellationToken)
    {
        IResourceClient<Node> nodes = _client.Resource<Node>();
        Node desired = BuildNode(node, NowSeconds());
        ApiResult<Node> created = await nodes.CreateAsync(desired, cancellationToken: cancellationToken);
        Node current;
        bool writeStatus;
        if (created.IsOk)
        {
            current = created.Value;
            writeStatus = NodeReadiness(current) != "True" || current.Status?.Allocatable is null;
        }
        else if (created.IsAlreadyExists)
        {
            ApiResult<Node> existing = await nodes.GetAsync(null, node.Name, cancellationToken);
            if (!existing.IsOk)
            {
                return "get: " + Describe(existing);
            }
            current = existing.Value;
            writeStatus = true;
        }
        else if (created.IsInvalid)
        {
            throw new InvalidOperationException($"the server refused node {node.Name}: {created.Error.Message}");
        }
        else
        {
            return "create: " + Describe(created);
        }
        if (writeStatus)
        {
            current.Status = desired.Status;
            ApiResult<Node> written = await nodes.UpdateStatusAsync(current, cancellationToken: cancellationToken);
            if (!written.IsOk)
            {
                return "status: " + Describe(written);
            }
        }
        lock (_gate)
        {
            node.Uid = current.Metadata.Uid;
        }
        return await WriteLeaseAsync(node, cancellationToken) is { } leaseFailure ? "lease: " + leaseFailure : null;
    }

    private static string? NodeReadiness(Node node) => node.Status?.Conditions?.Find(c => c.Type == "Ready")?.Status;

    private Node BuildNode(FleetNode node, DateTime now)
    {
        var labels = new Dictionary<string, string>(_options.Labels, StringComparer.Ordinal)
        {
            ["kubernetes.io/hostname"] = node.Name,
            ["kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
            ["beta.kubernetes.io/os"] = "linux",
            ["beta.kubernetes.io/arch"] = "amd64",
            [SimFleetOptions.SimulatedLabel] = "true",
        };
        if (node.Zone.Length > 0)
        {
            labels["topology.kubernetes.io/zone"] = node.Zone;
        }
        var resources = new Dictionary<string, Quantity>(StringComparer.Ordinal)
        {
            ["cpu"] = _options.Cpu,
            ["memory"] = _options.Memory,
            ["pods"] = _options.Pods.ToString(CultureInfo.InvariantCulture),
            ["ephemeral-storage"] = "100Gi",
        };
        string machine = MachineId(node.Name);
        return new Node
        {
            Metadata = new ObjectMeta
            {
                Name = node.Name,
                Labels = labels,
                Annotations = new Dictionary<string, string>(StringComparer.Ordinal) { ["node.alpha.kubernetes.io/ttl"] = "0" },
            },
            Spec = new NodeSpec
            {
                PodCIDR = node.PodCidr,
                PodCIDRs = [node.PodCidr],
                ProviderID = "sim://" + node.Name,
                Taints = _options.Taints.Count == 0 ? null : [.. _options.Taints],
            },
            Status = new NodeStatus
            {
                Capacity = resources,
                Allocatable = new Dictionary<string, Quantity>(resources, StringComparer.Ordinal),
                Conditions =
                [
                    Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", now),
                    Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now),
                    Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", now),
                    Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", now),
                ],
                Addresses =
                [
                    new NodeAddress { Type = "InternalIP", Address = node.InternalIp },
                    new NodeAddress { Type = "Hostname", Address = node.Name },
                ],
                NodeInfo = new NodeSystemInfo
                {
                    MachineID = machine,
                    SystemUUID = machine,
                    BootID = machine,
                    KernelVersion = "simulated",
                    OSImage = "RaftOrchestrator simulated node",
                    ContainerRuntimeVersion = RuntimeVersion,
                    KubeletVersion = KubeletVersion,
                    KubeProxyVersion = "",
                    OperatingSystem = "linux",
                    Architecture = "amd64",
                },
            },
        };
    }

    private static NodeCondition Condition(string type, string status, string reason, string message, DateTime now) => new()
    {
        Type = type,
        Status = status,
        Reason = reason,
        Message = message,
        LastHeartbeatTime = now,
        LastTransitionTime = now,
    };

    /// <summary>A stable machine id per node name (32 hex digits, as /etc/machine-id), the same on every run.</summary>
    private static string MachineId(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    /// <summary>
    /// Writes the node's Lease with renewTime now: an update without a resourceVersion (the fleet is the only
    /// writer of its leases), or a create when it does not exist. Null when done, else what failed.
    /// </summary>
    private async Task<string?> WriteLeaseAsync(FleetNode node, CancellationToken cancellationToken)
    {
        IResourceClient<Lease> leases = _client.Resource<Lease>();
        Lease lease = BuildLease(node);
        ApiResult<Lease> updated = await leases.UpdateAsync(lease, cancellationToken: cancellationToken);
        if (updated.IsOk)
        {
            return null;
        }
        if (!updated.IsNotFound)
        {
            return Describe(updated);
        }
        ApiResult<Lease> created = await leases.CreateAsync(BuildLease(node), cancellationToken: cancellationToken);
        return created.IsOk || created.IsAlreadyExists ? null : Describe(created);
    }

    private Lease BuildLease(FleetNode node)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        string? uid;
        lock (_gate)
        {
            uid = node.Uid;
        }
        return new Lease
        {
            Metadata = new ObjectMeta
            {
                Name = node.Name,
                Namespace = NodeLeaseNamespace,
                // As the kubelet's: the Node owns its Lease, so deleting the node deletes the lease.
                OwnerReferences = uid is null ? null : [new OwnerReference { ApiVersion = "v1", Kind = "Node", Name = node.Name, Uid = uid }],
            },
            Spec = new LeaseSpec
            {
                HolderIdentity = node.Name,
                LeaseDurationSeconds = _options.LeaseDurationSeconds,
                // MicroTime on the wire: keep microseconds, so the JSON and MessagePack forms agree.
                RenewTime = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc),
            },
        };
    }
}
