using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Server.Kube.Endpoints;
using RaftOrchestrator.Server.Kube.Registry;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Kube.Kinds;

/// <summary>
/// Cluster IPs from the service CIDR 10.96.0.0/12 (the first address is the "kubernetes" service's) and node ports
/// from 30000-32767, reserved at <c>/registry/serviceips/&lt;ip&gt;</c> and <c>/registry/servicenodeports/&lt;port&gt;</c>.
/// A candidate is chosen by hashing the service's namespace and name and stepping on collision, so concurrent
/// creates rarely collide and a collision costs one retry.
/// </summary>
public sealed class ServiceAllocation : IAllocationPolicy<Service>
{
    public const string KubernetesServiceIp = "10.96.0.1";

    private const uint CidrBase = (10u << 24) | (96u << 16);
    private const uint CidrSize = 1u << 20;
    private const int NodePortLow = 30000;
    private const int NodePortCount = 2768;

    /// <summary>What the client asked for, recorded at attempt 0: a requested value that collides is an error, not a retry.</summary>
    private readonly ConditionalWeakTable<Service, Requested> _requested = [];

    public (Reservation? Reservation, Status? Error) Reserve(Service value, int attempt)
    {
        ArgumentNullException.ThrowIfNull(value);
        ServiceSpec spec = value.Spec ??= new ServiceSpec();
        if (attempt == 0)
        {
            _requested.AddOrUpdate(value, new Requested(spec.ClusterIP, [.. (spec.Ports ?? []).Select(p => p.NodePort)]));
        }
        Requested asked = _requested.TryGetValue(value, out Requested? found) ? found : new Requested(null, []);
        var compares = new List<Compare>();
        var puts = new List<RequestOp>();
        if (spec.Type != "ExternalName" && asked.ClusterIP != "None")
        {
            if (string.IsNullOrEmpty(asked.ClusterIP))
            {
                spec.ClusterIP = Candidate(value, attempt);
            }
            else if (!IPAddress.TryParse(asked.ClusterIP, out IPAddress? ip) || !InRange(ip))
            {
                return (null, Invalid(value, $"Invalid value: [\"{asked.ClusterIP}\"]: failed to allocate IP {asked.ClusterIP}: the provided IP ({asked.ClusterIP}) is not in the valid range. The range of valid IPs is 10.96.0.0/12"));
            }
            else if (attempt > 0)
            {
                return (null, Invalid(value, $"Invalid value: [\"{asked.ClusterIP}\"]: failed to allocate IP {asked.ClusterIP}: provided IP is already allocated"));
            }
            spec.ClusterIPs = [spec.ClusterIP!];
            spec.IpFamilies ??= ["IPv4"];
            spec.IpFamilyPolicy ??= "SingleStack";
            Reserve($"/registry/serviceips/{spec.ClusterIP}", compares, puts);
        }
        if (spec.Type is "NodePort" or "LoadBalancer" && spec.AllocateLoadBalancerNodePorts != false)
        {
            for (int i = 0; i < (spec.Ports?.Count ?? 0); i++)
            {
                ServicePort port = spec.Ports![i];
                int? wanted = i < asked.NodePorts.Count ? asked.NodePorts[i] : null;
                if (wanted is { } fixedPort && (fixedPort < NodePortLow || fixedPort >= NodePortLow + NodePortCount || attempt > 0))
                {
                    return (null, ApiStatus.Invalid(Descriptor, value.Metadata.Name ?? "", [new("FieldValueInvalid", $"spec.ports[{i}].nodePort",
                        $"Invalid value: {fixedPort}: provided port is {(attempt > 0 ? "already allocated" : "not in the valid range. The range of valid ports is 30000-32767")}")]));
                }
                port.NodePort = wanted ?? NodePortLow + (int)((Hash(value, i) + (uint)attempt * 7919u) % NodePortCount);
                Reserve($"/registry/servicenodeports/{port.NodePort.Value.ToString(CultureInfo.InvariantCulture)}", compares, puts);
            }
        }
        return (new Reservation(compares, puts), null);
    }

    private Status Invalid(Service value, string message) =>
        ApiStatus.Invalid(Descriptor, value.Metadata.Name ?? "", [new("FieldValueInvalid", "spec.clusterIPs", message)]);

    private sealed record Requested(string? ClusterIP, IReadOnlyList<int?> NodePorts);

    public IReadOnlyList<RequestOp> Release(Service value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var deletes = new List<RequestOp>();
        if (value.Spec?.ClusterIP is { Length: > 0 } ip && ip != "None")
        {
            deletes.Add(new DeleteRangeOp(KeyRange.ForKey(StoreKeys.Bytes($"/registry/serviceips/{ip}"))));
        }
        foreach (ServicePort port in value.Spec?.Ports ?? [])
        {
            if (port.NodePort is { } nodePort)
            {
                deletes.Add(new DeleteRangeOp(KeyRange.ForKey(StoreKeys.Bytes($"/registry/servicenodeports/{nodePort.ToString(CultureInfo.InvariantCulture)}"))));
            }
        }
        return deletes;
    }

    /// <summary>Set by the catalog wiring: the services descriptor, for Status details.</summary>
    public Api.Registration.ResourceDescriptor Descriptor { get; set; } = null!;

    private static void Reserve(string key, List<Compare> compares, List<RequestOp> puts)
    {
        byte[] bytes = StoreKeys.Bytes(key);
        compares.Add(Compare.CreateRevision(bytes, CompareResult.Equal, 0));
        puts.Add(new PutOp(bytes, "1"u8.ToArray()));
    }

    /// <summary>A candidate address: never the network address, the kubernetes service's, or the broadcast address.</summary>
    private static string Candidate(Service value, int attempt)
    {
        uint offset = 2 + (uint)((Hash(value, 0) + (ulong)attempt * 104_729u) % (CidrSize - 3));
        uint address = CidrBase + offset;
        return new IPAddress([(byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address]).ToString();
    }

    private static bool InRange(IPAddress ip)
    {
        byte[] bytes = ip.GetAddressBytes();
        if (bytes.Length != 4)
        {
            return false;
        }
        uint address = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        return address - CidrBase < CidrSize;
    }

    private static uint Hash(Service value, int salt)
    {
        uint hash = 2166136261;
        foreach (char c in $"{value.Metadata.Namespace}/{value.Metadata.Name}#{salt}")
        {
            hash = (hash ^ c) * 16777619;
        }
        return hash;
    }
}
