using RaftOrchestrator.Agent.Env;
using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Pods;

/// <summary>The runtime configs of a pod's sandbox and of a container attempt (the kubelet's generatePodSandboxConfig and generateContainerConfig).</summary>
public static class RuntimeConfigs
{
    public static PodSandboxConfig Sandbox(Pod pod, string dataDirectory, int attempt)
    {
        ArgumentNullException.ThrowIfNull(pod);
        string ns = pod.Metadata.Namespace ?? "default";
        string name = pod.Metadata.Name ?? "";
        string uid = pod.Metadata.Uid ?? "";
        var labels = new Dictionary<string, string>(pod.Metadata.Labels ?? [], StringComparer.Ordinal)
        {
            [RuntimeLabels.PodName] = name,
            [RuntimeLabels.PodNamespace] = ns,
            [RuntimeLabels.PodUid] = uid,
        };
        return new PodSandboxConfig(ns, name, uid, attempt, Hostname(pod), PodPaths.LogDirectory(dataDirectory, ns, name, uid),
            labels, new Dictionary<string, string>(pod.Metadata.Annotations ?? [], StringComparer.Ordinal));
    }

    /// <summary>
    /// A container attempt: command and args $(VAR)-expanded against the container's resolved environment, as
    /// Kubernetes expands them (ExpandContainerCommandAndArgs); the log file &lt;container&gt;/&lt;attempt&gt;.log.
    /// </summary>
    public static ContainerConfig Container(Pod pod, Container container, EnvResolution environment, int attempt)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(environment);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string key, string value) in environment.Variables)
        {
            variables[key] = value;
        }
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RuntimeLabels.PodName] = pod.Metadata.Name ?? "",
            [RuntimeLabels.PodNamespace] = pod.Metadata.Namespace ?? "default",
            [RuntimeLabels.PodUid] = pod.Metadata.Uid ?? "",
            [RuntimeLabels.ContainerName] = container.Name,
        };
        return new ContainerConfig(
            container.Name,
            attempt,
            container.Image ?? "",
            [.. (container.Command ?? []).Select(c => VariableExpansion.Expand(c, variables))],
            [.. (container.Args ?? []).Select(a => VariableExpansion.Expand(a, variables))],
            environment.Variables,
            string.IsNullOrEmpty(container.WorkingDir) ? null : container.WorkingDir,
            PodPaths.ContainerLog(container.Name, attempt),
            labels);
    }

    /// <summary>spec.hostname, else the pod's name (truncated to a DNS label's 63 characters, as the kubelet does).</summary>
    private static string Hostname(Pod pod)
    {
        string hostname = string.IsNullOrEmpty(pod.Spec.Hostname) ? pod.Metadata.Name ?? "" : pod.Spec.Hostname;
        return hostname.Length > 63 ? hostname[..63].TrimEnd('-', '.') : hostname;
    }
}
