using System.Net;
using System.Net.Sockets;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;

namespace RaftOrchestrator.Controllers.Endpoints;

/// <summary>
/// How a service's pods become its endpoints, shared by the endpoints and endpoint slice controllers (Kubernetes'
/// endpointutil): which pods a service selects, which of them are endpoints, their addresses and their ports.
/// </summary>
internal static class ServicePods
{
    /// <summary>The label whose presence marks the endpoints of a service without a cluster IP.</summary>
    public const string HeadlessLabel = "service.kubernetes.io/headless";

    /// <summary>The service's selector; null when it has none (its endpoints are someone else's).</summary>
    public static LabelSelectorMatcher? Selector(Service service) =>
        service.Spec?.Selector is { Count: > 0 } selector ? LabelSelectorMatcher.FromSet(selector) : null;

    /// <summary>The services of the pod's namespace whose selector matches the pod's labels.</summary>
    public static IEnumerable<ObjectKey> ServicesSelecting(ILister<Service> services, Pod pod) =>
        services.List(pod.Metadata.Namespace)
            .Where(s => Selector(s) is { } selector && selector.Matches(pod.Metadata.Labels))
            .Select(ObjectKey.Of);

    /// <summary>True for a service with an allocated cluster IP (not headless, not unallocated).</summary>
    public static bool HasClusterIp(Service service) => service.Spec?.ClusterIP is { Length: > 0 } ip && ip != "None";

    /// <summary>
    /// ShouldPodBeInEndpoints: not finished (Succeeded/Failed), has an IP, and not terminating unless terminating
    /// pods are wanted.
    /// </summary>
    public static bool IsEndpoint(Pod pod, bool includeTerminating) =>
        pod.Status?.Phase is not ("Succeeded" or "Failed")
        && (!string.IsNullOrEmpty(pod.Status?.PodIP) || (pod.Status?.PodIPs?.Count ?? 0) > 0)
        && (includeTerminating || pod.Metadata.DeletionTimestamp is null);

    /// <summary>The pod's IP of a family ("IPv4" or "IPv6"); null when it has none.</summary>
    public static string? Address(Pod pod, string family)
    {
        IEnumerable<string> ips = (pod.Status?.PodIPs ?? []).Select(p => p.IP).Prepend(pod.Status?.PodIP ?? "");
        return ips.FirstOrDefault(ip => FamilyOf(ip) == family);
    }

    /// <summary>"IPv4" or "IPv6" for an IP address, null for anything else.</summary>
    public static string? FamilyOf(string? ip) =>
        IPAddress.TryParse(ip, out IPAddress? parsed)
            ? parsed.AddressFamily == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4"
            : null;

    /// <summary>
    /// The address family the endpoints of a service carry (endpoints controller): its first ipFamily, else its
    /// cluster IP's, else IPv4.
    /// </summary>
    public static string PrimaryFamily(Service service) =>
        service.Spec?.IpFamilies is { Count: > 0 } families ? families[0]
        : FamilyOf(service.Spec?.ClusterIP) ?? "IPv4";

    /// <summary>A pod named by its hostname when its subdomain is the service (a StatefulSet's governing service).</summary>
    public static string? Hostname(Pod pod, Service service) =>
        !string.IsNullOrEmpty(pod.Spec.Hostname) && pod.Spec.Subdomain == service.Metadata.Name
        && pod.Metadata.Namespace == service.Metadata.Namespace ? pod.Spec.Hostname : null;

    /// <summary>
    /// FindPort: a numeric targetPort as is; a named one resolved against the pod's container ports (and its
    /// restartable init containers) of the same protocol; null when the pod has no such port.
    /// </summary>
    public static int? TargetPort(Pod pod, ServicePort port)
    {
        IntOrString target = port.TargetPort ?? IntOrString.FromInt(port.Port);
        if (target.IsInt)
        {
            return target.IntValue == 0 ? port.Port : target.IntValue;
        }
        string protocol = port.Protocol ?? "TCP";
        IEnumerable<Container> containers = pod.Spec.Containers
            .Concat((pod.Spec.InitContainers ?? []).Where(c => c.RestartPolicy == "Always"));
        foreach (ContainerPort candidate in containers.SelectMany(c => c.Ports ?? []))
        {
            if (candidate.Name == target.StringValue && (candidate.Protocol ?? "TCP") == protocol)
            {
                return candidate.Port;
            }
        }
        return null;
    }
}
