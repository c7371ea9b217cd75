using System.Globalization;
using System.Text.Json.Nodes;

namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>
/// Values of the wrong JSON type (or an unparsable value of the right one) in fields the decoders know, per kind.
/// Kubernetes refuses every one when decoding (400) or validating (422); none may be coerced or crash the server.
/// </summary>
internal static class WrongTypes
{
    public const string Pods = "/api/v1/namespaces/fuzz/pods";
    public const string Services = "/api/v1/namespaces/fuzz/services";

    private const string ConfigMaps = "/api/v1/namespaces/fuzz/configmaps";
    private const string Deployments = "/apis/apps/v1/namespaces/fuzz/deployments";
    private const string Container = "spec.template.spec.containers.0";

    /// <summary>One wrong value: the collection it is posted to, the dotted field path (numbers index lists), the JSON.</summary>
    internal sealed record Case(string Path, string Field, string Value);

    public static Case[] All { get; } =
    [
        new(ConfigMaps, "metadata", "5"), new(ConfigMaps, "metadata", "\"x\""), new(ConfigMaps, "metadata", "[]"),
        new(ConfigMaps, "metadata.labels", "[1]"), new(ConfigMaps, "metadata.labels", "{\"a\":1}"), new(ConfigMaps, "metadata.labels", "\"a=b\""),
        new(ConfigMaps, "metadata.name", "7"), new(ConfigMaps, "metadata.name", "{}"), new(ConfigMaps, "metadata.annotations", "[\"a\"]"),
        new(ConfigMaps, "metadata.creationTimestamp", "\"yesterday\""), new(ConfigMaps, "metadata.creationTimestamp", "5"),
        new(ConfigMaps, "metadata.generation", "\"1\""), new(ConfigMaps, "metadata.finalizers", "\"x\""), new(ConfigMaps, "metadata.finalizers", "[1]"),
        new(ConfigMaps, "metadata.ownerReferences", "{}"), new(ConfigMaps, "metadata.managedFields", "[1]"), new(ConfigMaps, "metadata.deletionGracePeriodSeconds", "\"x\""),
        new(ConfigMaps, "data", "[]"), new(ConfigMaps, "data", "\"x\""), new(ConfigMaps, "data", "{\"k\":1}"), new(ConfigMaps, "data", "{\"k\":{}}"),
        new(ConfigMaps, "binaryData", "{\"k\":\"!!not base64!!\"}"), new(ConfigMaps, "binaryData", "{\"k\":5}"), new(ConfigMaps, "binaryData", "[]"),
        new(ConfigMaps, "immutable", "\"yes\""), new(ConfigMaps, "immutable", "1"), new(ConfigMaps, "kind", "5"), new(ConfigMaps, "apiVersion", "[]"),
        new(Deployments, "spec.replicas", "\"x\""), new(Deployments, "spec.replicas", "1.5"), new(Deployments, "spec.replicas", "99999999999"),
        new(Deployments, "spec.replicas", "true"), new(Deployments, "spec.replicas", "[2]"), new(Deployments, "spec", "5"),
        new(Deployments, "spec.selector", "\"app=fuzz\""), new(Deployments, "spec.selector.matchLabels", "[1]"), new(Deployments, "spec.template", "5"),
        new(Deployments, "spec.template.spec.containers", "{}"), new(Deployments, "spec.template.spec.containers", "[5]"),
        new(Deployments, Container + ".ports", "[{\"containerPort\":\"eighty\"}]"), new(Deployments, Container + ".ports", "[{\"containerPort\":80.5}]"),
        new(Deployments, Container + ".resources", "{\"limits\":{\"cpu\":\"lots\"}}"), new(Deployments, Container + ".resources", "{\"limits\":{\"memory\":[]}}"),
        new(Deployments, Container + ".resources", "{\"requests\":{\"cpu\":\"1e99999\"}}"), new(Deployments, Container + ".env", "{\"A\":\"1\"}"),
        new(Deployments, Container + ".image", "5"), new(Deployments, "spec.strategy", "{\"rollingUpdate\":{\"maxSurge\":{}}}"),
        new(Deployments, "spec.strategy", "{\"rollingUpdate\":{\"maxSurge\":true}}"), new(Deployments, "spec.strategy", "{\"rollingUpdate\":{\"maxUnavailable\":1.5}}"),
        new(Deployments, "spec.minReadySeconds", "\"10\""), new(Deployments, "spec.paused", "\"no\""), new(Deployments, "spec.revisionHistoryLimit", "-1e3"),
        new(Pods, "spec.containers", "[{\"name\":\"c\",\"image\":\"i\",\"env\":{\"a\":\"b\"}}]"),
        new(Pods, "spec.containers", "[{\"name\":\"c\",\"image\":\"i\",\"resources\":{\"requests\":{\"memory\":\"1Zz\"}}}]"),
        new(Pods, "spec.containers", "[{\"name\":\"c\",\"image\":\"i\",\"ports\":[{\"containerPort\":80,\"protocol\":5}]}]"),
        new(Pods, "spec.activeDeadlineSeconds", "\"x\""), new(Pods, "spec.terminationGracePeriodSeconds", "-1.5"), new(Pods, "spec.nodeSelector", "[\"a\"]"),
        new(Pods, "spec.containers.0.livenessProbe", "{\"httpGet\":{\"port\":{}}}"), new(Pods, "spec.containers.0.livenessProbe", "{\"httpGet\":{\"port\":1.5}}"),
        new(Services, "spec.ports", "[{\"port\":\"x\"}]"), new(Services, "spec.ports", "[{\"port\":80,\"targetPort\":[]}]"),
        new(Services, "spec.ports", "[{\"port\":80,\"targetPort\":1.5}]"), new(Services, "spec.type", "5"), new(Services, "spec.clusterIP", "[]"),
        new(Services, "spec.selector", "[1]"), new(Services, "spec.ports.0.port", "99999999999"),
    ];

    /// <summary>A valid object of the kind posted to <paramref name="path"/> (pods and services; the others are the tests' own).</summary>
    public static string Base(string path, string name) => path switch
    {
        Pods => """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"@"},"spec":{"containers":[{"name":"c","image":"i"}]}}""".Replace("@", name, StringComparison.Ordinal),
        Services => """{"apiVersion":"v1","kind":"Service","metadata":{"name":"@"},"spec":{"selector":{"app":"x"},"ports":[{"port":80,"targetPort":8080}]}}""".Replace("@", name, StringComparison.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
    };

    /// <summary><paramref name="json"/> with the field at <paramref name="field"/> set to <paramref name="value"/>.</summary>
    public static string Set(string json, string field, string value)
    {
        JsonNode root = JsonNode.Parse(json)!;
        string[] parts = field.Split('.');
        JsonNode parent = root;
        foreach (string part in parts[..^1])
        {
            parent = int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int index) ? parent[index]! : parent[part] ??= new JsonObject();
        }
        parent[parts[^1]] = JsonNode.Parse(value);
        return root.ToJsonString();
    }

    /// <summary>A merge patch that sets only that field (a list on the way is replaced by a one-item list).</summary>
    public static string Fragment(string field, string value)
    {
        JsonNode? node = JsonNode.Parse(value);
        foreach (string part in field.Split('.').Reverse())
        {
            node = int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? new JsonArray(node) : new JsonObject { [part] = node };
        }
        return node!.ToJsonString();
    }
}
