using System.Buffers;
using System.Text.Json;
using RaftOrchestrator.Api.Registration;

namespace RaftOrchestrator.Server.Kube;

/// <summary>
/// Discovery documents, built once from the catalog: aggregated (apidiscovery.k8s.io/v2, which kubectl 1.32 asks for
/// first and which saves it a request per group) and legacy (APIVersions, APIGroupList, APIResourceList, still read
/// by drain and auth can-i).
/// </summary>
public sealed class Discovery
{
    private readonly ApiCatalog _catalog;
    private readonly Dictionary<string, byte[]> _resourceLists = [];

    public Discovery(ApiCatalog catalog, string serverAddress)
    {
        _catalog = catalog;
        AggregatedCore = Build(w => WriteAggregated(w, core: true));
        AggregatedGroups = Build(w => WriteAggregated(w, core: false));
        LegacyVersions = Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("kind", "APIVersions");
            w.WriteStartArray("versions");
            w.WriteStringValue("v1");
            w.WriteEndArray();
            w.WriteStartArray("serverAddressByClientCIDRs");
            w.WriteStartObject();
            w.WriteString("clientCIDR", "0.0.0.0/0");
            w.WriteString("serverAddress", serverAddress);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
        LegacyGroups = Build(WriteGroupList);
        foreach ((string group, string version) in catalog.GroupVersions)
        {
            string groupVersion = group.Length == 0 ? version : $"{group}/{version}";
            _resourceLists[groupVersion] = Build(w => WriteResourceList(w, group, version));
            if (group.Length > 0)
            {
                GroupDocuments[group] = Build(w => WriteGroup(w, group, version, withKind: true));
            }
        }
    }

    public byte[] AggregatedCore { get; }

    public byte[] AggregatedGroups { get; }

    public byte[] LegacyVersions { get; }

    public byte[] LegacyGroups { get; }

    /// <summary>/apis/{group}: the APIGroup.</summary>
    public Dictionary<string, byte[]> GroupDocuments { get; } = [];

    /// <summary>/api/v1 or /apis/{group}/{version}: the APIResourceList, or null for an unknown group version.</summary>
    public byte[]? ResourceList(string groupVersion) => _resourceLists.GetValueOrDefault(groupVersion);

    private IEnumerable<ResourceDescriptor> In(string group, string version) =>
        _catalog.Resources.Where(r => r.Group == group && r.Version == version);

    private void WriteAggregated(Utf8JsonWriter w, bool core)
    {
        w.WriteStartObject();
        w.WriteString("kind", "APIGroupDiscoveryList");
        w.WriteString("apiVersion", "apidiscovery.k8s.io/v2");
        w.WriteStartObject("metadata");
        w.WriteEndObject();
        w.WriteStartArray("items");
        foreach ((string group, string version) in _catalog.GroupVersions.Where(gv => (gv.Group.Length == 0) == core))
        {
            w.WriteStartObject();
            w.WriteStartObject("metadata");
            if (group.Length > 0)
            {
                w.WriteString("name", group);
            }
            w.WriteNull("creationTimestamp");
            w.WriteEndObject();
            w.WriteStartArray("versions");
            w.WriteStartObject();
            w.WriteString("version", version);
            w.WriteString("freshness", "Current");
            w.WriteStartArray("resources");
            foreach (ResourceDescriptor r in In(group, version))
            {
                WriteAggregatedResource(w, r);
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteAggregatedResource(Utf8JsonWriter w, ResourceDescriptor r)
    {
        w.WriteStartObject();
        w.WriteString("resource", r.Plural);
        WriteKind(w, "responseKind", r.Group, r.Version, r.Kind);
        w.WriteString("scope", r.Namespaced ? "Namespaced" : "Cluster");
        w.WriteString("singularResource", r.Singular);
        WriteStrings(w, "verbs", r.Verbs);
        if (r.ShortNames.Count > 0)
        {
            WriteStrings(w, "shortNames", r.ShortNames);
        }
        if (r.Categories.Count > 0)
        {
            WriteStrings(w, "categories", r.Categories);
        }
        if (r.Subresources.Count > 0)
        {
            w.WriteStartArray("subresources");
            foreach (string sub in r.Subresources)
            {
                (string group, string version, string kind, string[] verbs) = SubresourceShape(r, sub);
                w.WriteStartObject();
                w.WriteString("subresource", sub);
                WriteKind(w, "responseKind", group, version, kind);
                WriteStrings(w, "verbs", verbs);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private void WriteGroupList(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("kind", "APIGroupList");
        w.WriteString("apiVersion", "v1");
        w.WriteStartArray("groups");
        foreach ((string group, string version) in _catalog.GroupVersions.Where(gv => gv.Group.Length > 0))
        {
            WriteGroup(w, group, version, withKind: false);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter w, string group, string version, bool withKind)
    {
        w.WriteStartObject();
        if (withKind)
        {
            w.WriteString("kind", "APIGroup");
            w.WriteString("apiVersion", "v1");
        }
        w.WriteString("name", group);
        w.WriteStartArray("versions");
        w.WriteStartObject();
        w.WriteString("groupVersion", $"{group}/{version}");
        w.WriteString("version", version);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("preferredVersion");
        w.WriteString("groupVersion", $"{group}/{version}");
        w.WriteString("version", version);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteResourceList(Utf8JsonWriter w, string group, string version)
    {
        w.WriteStartObject();
        w.WriteString("kind", "APIResourceList");
        w.WriteString("apiVersion", "v1");
        w.WriteString("groupVersion", group.Length == 0 ? version : $"{group}/{version}");
        w.WriteStartArray("resources");
        foreach (ResourceDescriptor r in In(group, version))
        {
            w.WriteStartObject();
            w.WriteString("name", r.Plural);
            w.WriteString("singularName", r.Singular);
            w.WriteBoolean("namespaced", r.Namespaced);
            w.WriteString("kind", r.Kind);
            WriteStrings(w, "verbs", r.Verbs);
            if (r.ShortNames.Count > 0)
            {
                WriteStrings(w, "shortNames", r.ShortNames);
            }
            if (r.Categories.Count > 0)
            {
                WriteStrings(w, "categories", r.Categories);
            }
            w.WriteEndObject();
            foreach (string sub in r.Subresources)
            {
                (string subGroup, string subVersion, string kind, string[] verbs) = SubresourceShape(r, sub);
                w.WriteStartObject();
                w.WriteString("name", $"{r.Plural}/{sub}");
                w.WriteString("singularName", "");
                w.WriteBoolean("namespaced", r.Namespaced);
                if (subGroup != r.Group || subVersion != r.Version)
                {
                    w.WriteString("group", subGroup);
                    w.WriteString("version", subVersion);
                }
                w.WriteString("kind", kind);
                WriteStrings(w, "verbs", verbs);
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The kind a subresource answers with, and its verbs, as kube-apiserver lists them.</summary>
    private static (string Group, string Version, string Kind, string[] Verbs) SubresourceShape(ResourceDescriptor r, string sub) => sub switch
    {
        "scale" => ("autoscaling", "v1", "Scale", ["get", "patch", "update"]),
        "eviction" => ("policy", "v1", "Eviction", ["create"]),
        "binding" => ("", "v1", "Binding", ["create"]),
        "log" => ("", "v1", "Pod", ["get"]),
        "exec" => ("", "v1", "PodExecOptions", ["create", "get"]),
        "finalize" => (r.Group, r.Version, r.Kind, ["update"]),
        _ => (r.Group, r.Version, r.Kind, ["get", "patch", "update"]),
    };

    private static void WriteKind(Utf8JsonWriter w, string name, string group, string version, string kind)
    {
        w.WriteStartObject(name);
        w.WriteString("group", group);
        w.WriteString("version", version);
        w.WriteString("kind", kind);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string value in values)
        {
            w.WriteStringValue(value);
        }
        w.WriteEndArray();
    }

    private static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }
}
