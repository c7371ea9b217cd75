namespace RaftOrchestrator.Integration.Tests.Controllers;

/// <summary>YAML the controller tests apply.</summary>
internal static class Manifests
{
    public static string Namespace(string name) => $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {name}\n";

    public static string Deployment(string ns, string name, string image, int replicas, string strategy = "RollingUpdate") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
          namespace: {{ns}}
          labels: {app: {{name}}}
        spec:
          replicas: {{replicas}}
          strategy: {type: {{strategy}}}
          selector:
            matchLabels: {app: {{name}}}
          template:
            metadata:
              labels: {app: {{name}}}
            spec:
              containers:
              - name: main
                image: {{image}}
                ports:
                - {name: http, containerPort: 8080}
        """;

    public static string Service(string ns, string name) => $$"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {{name}}
          namespace: {{ns}}
        spec:
          selector: {app: {{name}}}
          ports:
          - {name: web, port: 80, targetPort: http}
        """;
}
