using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Discovery;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Controllers.Framework;
using EndpointPort = RaftOrchestrator.Api.Discovery.EndpointPort;

namespace RaftOrchestrator.Controllers.Endpoints;

/// <summary>
/// What the endpoint slice controller wants for a service, as Kubernetes computes it: one endpoint per selected pod
/// that has an IP of the address type and has not finished (terminating pods included, with their conditions),
/// grouped by the pod's resolved ports.
/// </summary>
internal static class EndpointSliceDesired
{
    public const string ZoneLabel = "topology.kubernetes.io/zone";

    /// <summary>
    /// The address types a service's slices carry (getAddressTypesForService): its ipFamilies; else its cluster IP's
    /// family; else, headless without families, both.
    /// </summary>
    public static IReadOnlyList<string> AddressTypes(Service service)
    {
        List<string> families = [.. (service.Spec?.IpFamilies ?? []).Where(f => f is EndpointSliceResourceStrategy.IPv4 or EndpointSliceResourceStrategy.IPv6).Distinct()];
        if (families.Count > 0)
        {
            return families;
        }
        if (ServicePods.HasClusterIp(service))
        {
            return [ServicePods.FamilyOf(service.Spec!.ClusterIP) ?? EndpointSliceResourceStrategy.IPv4];
        }
        return [EndpointSliceResourceStrategy.IPv4, EndpointSliceResourceStrategy.IPv6];
    }

    /// <summary>The groups of one address type, each with its endpoints ordered by pod name.</summary>
    public static List<EndpointSliceGroup> Groups(Service service, LabelSelectorMatcher selector, string addressType, ILister<Pod> pods, ILister<Node>? nodes)
    {
        var groups = new Dictionary<string, EndpointSliceGroup>(StringComparer.Ordinal);
        foreach (Pod pod in pods.List(service.Metadata.Namespace, selector).OrderBy(p => p.Metadata.Name, StringComparer.Ordinal))
        {
            if (!ServicePods.IsEndpoint(pod, includeTerminating: true) || ServicePods.Address(pod, addressType) is not { } ip)
            {
                continue;
            }
            List<EndpointPort> ports = Ports(service, pod);
            string key = EndpointSliceGroup.KeyOf(ports);
            if (!groups.TryGetValue(key, out EndpointSliceGroup? group))
            {
                group = new EndpointSliceGroup(addressType, ports, []);
                groups[key] = group;
            }
            group.Endpoints.Add(EndpointOf(pod, ip, service, nodes));
        }
        return [.. groups.Values];
    }

    /// <summary>The service's ports as this pod serves them; a named port the pod lacks is left out for it.</summary>
    private static List<EndpointPort> Ports(Service service, Pod pod)
    {
        var ports = new List<EndpointPort>();
        foreach (ServicePort port in service.Spec?.Ports ?? [])
        {
            if (ServicePods.TargetPort(pod, port) is int number)
            {
                ports.Add(new EndpointPort { Name = port.Name ?? "", Port = number, Protocol = port.Protocol ?? "TCP", AppProtocol = port.AppProtocol });
            }
        }
        return ports;
    }

    /// <summary>
    /// podToEndpoint: serving is the pod's readiness; terminating its deletion; ready is serving and not terminating,
    /// or always with publishNotReadyAddresses.
    /// </summary>
    private static Endpoint EndpointOf(Pod pod, string ip, Service service, ILister<Node>? nodes)
    {
        bool serving = PodReadiness.IsReady(pod);
        bool terminating = pod.Metadata.DeletionTimestamp is not null;
        string? nodeName = string.IsNullOrEmpty(pod.Spec.NodeName) ? null : pod.Spec.NodeName;
        string? zone = nodeName is null ? null
            : nodes?.Get(null, nodeName)?.Metadata.Labels?.GetValueOrDefault(ZoneLabel) is { Length: > 0 } z ? z : null;
        return new Endpoint
        {
            Addresses = [ip],
            Conditions = new EndpointConditions
            {
                Ready = service.Spec?.PublishNotReadyAddresses == true || (serving && !terminating),
                Serving = serving,
                Terminating = terminating,
            },
            Hostname = ServicePods.Hostname(pod, service),
            TargetRef = new ObjectReference { Kind = "Pod", Namespace = pod.Metadata.Namespace, Name = pod.Metadata.Name, Uid = pod.Metadata.Uid },
            NodeName = nodeName,
            Zone = zone,
        };
    }
}
