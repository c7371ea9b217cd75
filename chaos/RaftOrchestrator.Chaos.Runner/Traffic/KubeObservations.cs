using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Runner.Traffic;

/// <summary>
/// Kubernetes objects reduced to the history model's observations. A pod belongs to the Deployment whose selector
/// label (app=&lt;name&gt;) it carries, in its namespace: the traffic's Deployments each select on their own app label
/// and keep one template, so the label names the owner as the ReplicaSet chain would.
/// </summary>
internal static class KubeObservations
{
    public const string AppLabel = "app";

    public static NodeObservation Node(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        Dictionary<string, Quantity> allocatable = node.Status?.Allocatable ?? [];
        long cpu = allocatable.TryGetValue("cpu", out Quantity c) && c.TryGetMilliValue(out long milli) ? milli : 0;
        long memory = allocatable.TryGetValue("memory", out Quantity m) && m.TryGetValue(out long bytes) ? bytes : 0;
        long pods = allocatable.TryGetValue("pods", out Quantity p) && p.TryGetValue(out long slots) ? slots : 0;
        return new NodeObservation(node.Metadata.Name ?? "", cpu, memory, (int)Math.Min(pods, int.MaxValue));
    }

    public static PodObservation Pod(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        long cpu = 0, memory = 0;
        foreach (Container container in pod.Spec?.Containers ?? [])
        {
            if (container.Resources?.Requests is { } requests)
            {
                cpu += requests.TryGetValue("cpu", out Quantity c) && c.TryGetMilliValue(out long milli) ? milli : 0;
                memory += requests.TryGetValue("memory", out Quantity m) && m.TryGetValue(out long bytes) ? bytes : 0;
            }
        }
        string? phase = pod.Status?.Phase;
        bool ready = pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;
        string ns = pod.Metadata.Namespace ?? "";
        string? app = pod.Metadata.Labels?.GetValueOrDefault(AppLabel);
        return new PodObservation(pod.Metadata.Uid ?? "", ns, pod.Metadata.Name ?? "", NullIfEmpty(pod.Spec?.NodeName), cpu, memory,
            Ready: ready, Terminal: phase is "Succeeded" or "Failed", Terminating: pod.Metadata.DeletionTimestamp is not null,
            Deployment: app is null ? null : ns + "/" + app);
    }

    public static DeploymentObservation Deployment(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return new DeploymentObservation(deployment.Metadata.Namespace ?? "", deployment.Metadata.Name ?? "", deployment.Spec?.Replicas ?? 1);
    }

    /// <summary>The convergence the orchestration checker demands of the last snapshot, for the runner's wait.</summary>
    public static bool Converged(ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Deployments.All(d =>
        {
            PodObservation[] active = [.. snapshot.Pods.Where(p => p.Deployment == d.Id && !p.Terminal && !p.Terminating)];
            return active.Length == d.SpecReplicas && active.All(p => p.Ready && p.NodeName is not null);
        });
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
