using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Server.Kube.Kinds;

/// <summary>
/// Where GET pods/{name}/log is read from (kube-apiserver's LogLocation): the container, defaulted when the request
/// names none, and the agent's /containerLogs URL on the pod's node. Pure: the pod and node come in, a URL or the
/// Status to answer goes out.
/// </summary>
/// <remarks>
/// Container defaulting: the pod's only container; else the container the kubectl.kubernetes.io/default-container
/// annotation names (kubectl applies it on its side; applied here too, so every client gets it); else 400 with the
/// container names in kube's Go-slice form, init containers first as its VisitContainers walks them. A pod not bound
/// to a node answers 400 "pod X does not have a host assigned" (kube-apiserver's wording for exec and attach; its log
/// endpoint answers an empty 200 instead, which hides why nothing is shown).
/// </remarks>
public static class PodLogLocation
{
    public const string DefaultContainerAnnotation = "kubectl.kubernetes.io/default-container";

    /// <summary>The container to read, or the 400 Status that says why there is none.</summary>
    public static (string? Container, Status? Error) Container(Pod pod, string? requested)
    {
        ArgumentNullException.ThrowIfNull(pod);
        string name = pod.Metadata.Name ?? "";
        List<Container> containers = pod.Spec.Containers;
        List<Container> init = pod.Spec.InitContainers ?? [];
        if (!string.IsNullOrEmpty(requested))
        {
            return containers.Exists(c => c.Name == requested) || init.Exists(c => c.Name == requested)
                ? (requested, null)
                : (null, ApiStatus.BadRequest($"container {requested} is not valid for pod {name}"));
        }
        if (containers.Count == 1)
        {
            return (containers[0].Name, null);
        }
        if (pod.Metadata.Annotations?.GetValueOrDefault(DefaultContainerAnnotation) is { Length: > 0 } annotated
            && containers.Exists(c => c.Name == annotated))
        {
            return (annotated, null);
        }
        return containers.Count == 0
            ? (null, ApiStatus.BadRequest($"a container name must be specified for pod {name}"))
            : (null, ApiStatus.BadRequest($"a container name must be specified for pod {name}, choose one of: [{string.Join(' ', init.Concat(containers).Select(c => c.Name))}]"));
    }

    /// <summary>
    /// http://{InternalIP}:{kubelet port}/containerLogs/{ns}/{pod}/{container}?{options}, or the Status when the
    /// node publishes no address or port (a simulated node serves no logs).
    /// </summary>
    public static (Uri? Location, Status? Error) Url(Pod pod, Node node, string container, PodLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(options);
        string nodeName = node.Metadata.Name ?? "";
        string? address = node.Status?.Addresses?.Find(a => a.Type == "InternalIP")?.Address;
        int port = node.Status?.DaemonEndpoints?.KubeletEndpoint?.Port ?? 0;
        if (string.IsNullOrEmpty(address) || port is <= 0 or > 65535)
        {
            return (null, ApiStatus.InternalError(
                $"node {nodeName} publishes no agent endpoint to read logs from (status.addresses InternalIP and status.daemonEndpoints.kubeletEndpoint.Port)"));
        }
        string host = address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address;
        string path = $"/containerLogs/{Uri.EscapeDataString(pod.Metadata.Namespace ?? "default")}/{Uri.EscapeDataString(pod.Metadata.Name ?? "")}/{Uri.EscapeDataString(container)}";
        return Uri.TryCreate($"http://{host}:{port}{path}{options.ToQueryString()}", UriKind.Absolute, out Uri? location)
            ? (location, null)
            : (null, ApiStatus.InternalError($"node {nodeName} has an address that is not one: {address}"));
    }
}
