using System.Globalization;

namespace RaftOrchestrator.Integration.Tests.Scheduling;

/// <summary>YAML the scheduler tests create: Ready nodes with allocatable room, and workloads pinned to a pool.</summary>
internal static class SchedulerManifests
{
    /// <summary>A Ready node in <paramref name="pool"/> (label pool=...), with status (kept on create, as Kubernetes does).</summary>
    public static string Node(string name, string pool, int cpu) => $$"""
        apiVersion: v1
        kind: Node
        metadata:
          name: {{name}}
          labels: {pool: {{pool}}, kubernetes.io/hostname: {{name}}}
        status:
          capacity: {cpu: "{{cpu.ToString(CultureInfo.InvariantCulture)}}", memory: 8Gi, pods: "110"}
          allocatable: {cpu: "{{cpu.ToString(CultureInfo.InvariantCulture)}}", memory: 8Gi, pods: "110"}
          conditions:
          - {type: Ready, status: "True", reason: KubeletReady, message: ready}
        """;

    public static string Deployment(string ns, string name, string pool, int replicas, string cpu) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
          namespace: {{ns}}
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels: {app: {{name}}}
          template:
            metadata:
              labels: {app: {{name}}}
            spec:
              nodeSelector: {pool: {{pool}}}
              containers:
              - name: main
                image: nginx:1.27
                resources:
                  requests: {cpu: {{cpu}}, memory: 64Mi}
        """;

    public static string Pod(string ns, string name, string pool, string cpu) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: {{ns}}
        spec:
          nodeSelector: {pool: {{pool}}}
          containers:
          - name: main
            image: nginx:1.27
            resources:
              requests: {cpu: {{cpu}}, memory: 64Mi}
        """;
}
