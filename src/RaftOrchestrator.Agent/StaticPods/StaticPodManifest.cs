using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Agent.StaticPods;

/// <summary>
/// Reads static pod manifests as the kubelet's config sources do (pkg/kubelet/config common.go): YAML or JSON, a
/// v1 Pod (a file) or a Pod or a v1 PodList (an HTTP body); unknown fields are ignored. Each pod gets the API's
/// defaults, then the kubelet's: a uid hashed from the node, the source and the content (so it is stable across
/// agent restarts and changes exactly when the manifest's meaning does), the name &lt;name&gt;-&lt;node&gt;, namespace
/// "default" when none, spec.nodeName, the config.hash (= uid) and config.source annotations, a status of Pending,
/// and for files a toleration of every NoExecute taint (so the node lifecycle controller never evicts its mirror).
/// Then it is validated as the API server validates a pod.
/// </summary>
/// <remarks>
/// Differences from the kubelet: a YAML file of several documents is refused (the kubelet silently reads the first
/// one only); the content hash is SHA-256 (first 16 bytes, hex) over the pod's JSON with object keys sorted, where
/// the kubelet uses MD5 over Go's object dump: both ignore formatting, comments and key order.
/// </remarks>
public static class StaticPodManifest
{
    /// <summary>One Pod from a manifest file at <paramref name="path"/> (the file source).</summary>
    public static ManifestRead ReadFile(ReadOnlySpan<byte> content, string path, string nodeName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(nodeName);
        if (!TryParse(content, out JsonObject? root, out string? error))
        {
            return ManifestRead.Fail(error);
        }
        if (Kind(root) is var (apiVersion, kind) && (apiVersion, kind) is not ("v1", "Pod"))
        {
            return ManifestRead.Fail($"expected a v1 Pod, got {Describe(apiVersion, kind)}");
        }
        return Pod(root, StaticPodAnnotations.FileSource, path, nodeName, out Pod? pod, out error)
            ? ManifestRead.Ok(pod!)
            : ManifestRead.Fail(error);
    }

    /// <summary>A Pod or a PodList from the body <paramref name="url"/> answered (the http source).</summary>
    public static ManifestRead ReadHttp(ReadOnlySpan<byte> content, string url, string nodeName)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentException.ThrowIfNullOrEmpty(nodeName);
        if (!TryParse(content, out JsonObject? root, out string? error))
        {
            return ManifestRead.Fail(error);
        }
        switch (Kind(root))
        {
            case ("v1", "Pod"):
                return Pod(root, StaticPodAnnotations.HttpSource, url, nodeName, out Pod? pod, out error)
                    ? ManifestRead.Ok(pod!)
                    : ManifestRead.Fail(error);
            case ("v1", "PodList"):
                if (root["items"] is not (JsonArray or null))
                {
                    return ManifestRead.Fail("PodList: items must be a list");
                }
                var pods = new List<Pod>();
                JsonArray items = root["items"] as JsonArray ?? [];
                for (int i = 0; i < items.Count; i++)
                {
                    if (items[i] is not JsonObject item)
                    {
                        return ManifestRead.Fail($"PodList: items[{i}] is not an object");
                    }
                    if (!Pod(item, StaticPodAnnotations.HttpSource, url, nodeName, out Pod? listed, out error))
                    {
                        return ManifestRead.Fail($"PodList: items[{i}]: {error}");
                    }
                    pods.Add(listed!);
                }
                return new ManifestRead(pods, null);
            case var (apiVersion, kind):
                return ManifestRead.Fail($"expected a v1 Pod or PodList, got {Describe(apiVersion, kind)}");
        }
    }

    /// <summary>JSON (when it looks like JSON and parses as such), else YAML; one document, an object.</summary>
    private static bool TryParse(ReadOnlySpan<byte> content, [NotNullWhen(true)] out JsonObject? root, [NotNullWhen(false)] out string? error)
    {
        root = null;
        JsonNode? node = null;
        ReadOnlySpan<byte> trimmed = content.TrimStart((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]).TrimStart(" \t\r\n"u8);
        bool parsed = false;
        if (trimmed.Length > 0 && trimmed[0] == (byte)'{')
        {
            try
            {
                node = JsonNode.Parse(trimmed, documentOptions: new JsonDocumentOptions { MaxDepth = YamlToJson.MaxDepth });
                parsed = true;
            }
            catch (JsonException)
            {
                // not JSON after all: YAML's flow mappings look the same, so let the YAML reader have it
            }
        }
        if (!parsed && !YamlToJson.TryConvert(content, out node, out YamlConversionError? yamlError))
        {
            error = $"not YAML or JSON: {yamlError}";
            return false;
        }
        if (node is not JsonObject obj)
        {
            error = node is null ? "the manifest is empty" : "the manifest is not an object";
            return false;
        }
        root = obj;
        error = null;
        return true;
    }

    private static (string? ApiVersion, string? Kind) Kind(JsonObject root) => (Text(root["apiVersion"]), Text(root["kind"]));

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static string Describe(string? apiVersion, string? kind) =>
        kind is null ? "an object without kind" : $"{(apiVersion is null ? "" : apiVersion + " ")}{kind}";

    /// <summary>Decodes, defaults and validates one pod object.</summary>
    private static bool Pod(JsonObject json, string source, string location, string nodeName, out Pod? pod, [NotNullWhen(false)] out string? error)
    {
        pod = null;
        try
        {
            pod = json.Deserialize(ApiJson.TypeInfo<Pod>());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException or ArgumentException)
        {
            error = $"not a valid Pod: {e.Message}";
            return false;
        }
        if (pod is null)
        {
            error = "not a valid Pod";
            return false;
        }
        if (string.IsNullOrEmpty(pod.Metadata.Name))
        {
            error = "invalid pod: metadata.name: Required value";
            return false;
        }
        ApplyDefaults(pod, source, location, nodeName);
        var errors = new FieldErrorList();
        ObjectMetaValidation.Validate(pod.Metadata, namespaced: true, NameValidation.Dns1123Subdomain, errors);
        PodSpecValidation.Validate(pod.Spec, "spec", errors);
        if (errors.Count > 0)
        {
            error = $"invalid pod {pod.Metadata.Name}: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}";
            pod = null;
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>The kubelet's applyDefaults, after the API's pod defaults (which its decoder applies).</summary>
    private static void ApplyDefaults(Pod pod, string source, string location, string nodeName)
    {
        PodDefaults.ApplyPod(pod);
        pod.ApiVersion = "v1";
        pod.Kind = "Pod";
        // A manifest describes a pod to run, never one being deleted or already stored: drop what would make the pod
        // worker treat it as either.
        pod.Metadata.DeletionTimestamp = null;
        pod.Metadata.DeletionGracePeriodSeconds = null;
        pod.Metadata.ResourceVersion = null;
        if (string.IsNullOrEmpty(pod.Metadata.Uid))
        {
            pod.Metadata.Uid = ContentHash(pod, source, location, nodeName);
        }
        pod.Metadata.Name = $"{pod.Metadata.Name}-{nodeName.ToLowerInvariant()}";
        if (string.IsNullOrEmpty(pod.Metadata.Namespace))
        {
            pod.Metadata.Namespace = "default";
        }
        pod.Spec.NodeName = nodeName;
        pod.Metadata.Annotations ??= new Dictionary<string, string>(StringComparer.Ordinal);
        pod.Metadata.Annotations[StaticPodAnnotations.Hash] = pod.Metadata.Uid;
        pod.Metadata.Annotations[StaticPodAnnotations.Source] = source;
        if (source == StaticPodAnnotations.FileSource)
        {
            List<Toleration> tolerations = pod.Spec.Tolerations ??= [];
            if (!tolerations.Exists(IsTolerateAllNoExecute))
            {
                tolerations.Add(new Toleration { Operator = "Exists", Effect = "NoExecute" });
            }
        }
        pod.Status = new PodStatus { Phase = "Pending" };
    }

    private static bool IsTolerateAllNoExecute(Toleration t) =>
        string.IsNullOrEmpty(t.Key) && t.Operator == "Exists" && t.Effect == "NoExecute" && string.IsNullOrEmpty(t.Value) && t.TolerationSeconds is null;

    /// <summary>
    /// The generated uid: the node and the source (file path or URL) and the pod's content before the kubelet's own
    /// changes, keys sorted so that only meaning counts. 32 hex digits, as the kubelet's.
    /// </summary>
    private static string ContentHash(Pod pod, string source, string location, string nodeName)
    {
        JsonNode content = JsonSerializer.SerializeToNode(pod, ApiJson.TypeInfo<Pod>())!;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("host", nodeName);
            writer.WriteString(source == StaticPodAnnotations.FileSource ? "file" : "url", location);
            writer.WritePropertyName("pod");
            WriteSorted(writer, content);
            writer.WriteEndObject();
        }
        byte[] digest = SHA256.HashData(buffer.WrittenSpan);
        return Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (KeyValuePair<string, JsonNode?> entry in obj.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(entry.Key);
                    WriteSorted(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (JsonNode? item in array)
                {
                    WriteSorted(writer, item);
                }
                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>The config.seen value: RFC 3339 with nanoseconds, as the kubelet writes it.</summary>
    internal static string SeenValue(DateTimeOffset at)
    {
        // Go's RFC3339Nano: up to nine fraction digits, trailing zeros dropped (and the dot with them).
        DateTime utc = at.UtcDateTime;
        string fraction = (utc.Ticks % TimeSpan.TicksPerSecond * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        string seconds = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return fraction.Length == 0 ? $"{seconds}Z" : $"{seconds}.{fraction}Z";
    }

    /// <summary>A deep copy (through the API's JSON).</summary>
    internal static Pod Copy(Pod pod) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(pod, ApiJson.TypeInfo<Pod>()), ApiJson.TypeInfo<Pod>())!;
}
