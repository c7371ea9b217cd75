using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Testing;

/// <summary>Minimal objects that pass the server's validation, for tests to start from.</summary>
public static class TestObjects
{
    public static Pod Pod(string @namespace, string name, IReadOnlyDictionary<string, string>? labels = null, string? nodeName = null) => new()
    {
        Metadata = Meta(@namespace, name, labels),
        Spec = new PodSpec
        {
            Containers = [new Container { Name = "main", Image = "registry.example/app:1" }],
            NodeName = nodeName,
        },
    };

    public static ReplicaSet ReplicaSet(string @namespace, string name, int replicas, IReadOnlyDictionary<string, string> selector) => new()
    {
        Metadata = Meta(@namespace, name, null),
        Spec = new ReplicaSetSpec
        {
            Replicas = replicas,
            Selector = new LabelSelector { MatchLabels = new Dictionary<string, string>(selector) },
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = new Dictionary<string, string>(selector) },
                Spec = new PodSpec { Containers = [new Container { Name = "main", Image = "registry.example/app:1" }] },
            },
        },
    };

    public static ConfigMap ConfigMap(string @namespace, string name, IReadOnlyDictionary<string, string>? data = null) => new()
    {
        Metadata = Meta(@namespace, name, null),
        Data = data is null ? null : new Dictionary<string, string>(data),
    };

    public static Node Node(string name, IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Labels = labels is null ? null : new Dictionary<string, string>(labels) },
    };

    private static ObjectMeta Meta(string @namespace, string name, IReadOnlyDictionary<string, string>? labels) => new()
    {
        Namespace = @namespace,
        Name = name,
        Labels = labels is null ? null : new Dictionary<string, string>(labels),
    };
}
