using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using RaftOrchestrator.Api.Registration;

namespace RaftOrchestrator.Server.Kube;

/// <summary>
/// A minimal OpenAPI v3: the index and one document per group version. kubectl needs it before create, apply and
/// replace (without it they fail on the client: "failed to download openapi"); what it reads is the PATCH operation
/// of each kind, tagged with the kind and declaring the fieldValidation parameter. Then kubectl sends
/// fieldValidation=Strict and leaves validation to the server. There are no schemas (kubectl explain needs them).
/// </summary>
public sealed class OpenApiDocuments
{
    private readonly Dictionary<string, byte[]> _documents = [];

    public OpenApiDocuments(ApiCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var hashes = new Dictionary<string, string>();
        foreach ((string group, string version) in catalog.GroupVersions)
        {
            string path = group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";
            byte[] document = Build(w => WriteDocument(w, catalog.Resources.Where(r => r.Group == group && r.Version == version)));
            _documents[path] = document;
            hashes[path] = Convert.ToHexString(SHA256.HashData(document))[..16];
        }
        Index = Build(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("paths");
            foreach ((string path, string hash) in hashes)
            {
                w.WriteStartObject(path);
                w.WriteString("serverRelativeURL", $"/openapi/v3/{path}?hash={hash}");
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    public byte[] Index { get; }

    /// <summary>The document for "api/v1" or "apis/{group}/{version}", or null.</summary>
    public byte[]? Document(string path) => _documents.GetValueOrDefault(path);

    private static void WriteDocument(Utf8JsonWriter w, IEnumerable<ResourceDescriptor> resources)
    {
        w.WriteStartObject();
        w.WriteString("openapi", "3.0.0");
        w.WriteStartObject("info");
        w.WriteString("title", "Kubernetes");
        w.WriteString("version", KubeVersion.GitVersion);
        w.WriteEndObject();
        w.WriteStartObject("components");
        w.WriteStartObject("schemas");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("paths");
        foreach (ResourceDescriptor r in resources)
        {
            string root = r.Group.Length == 0 ? $"/api/{r.Version}" : $"/apis/{r.Group}/{r.Version}";
            string path = r.Namespaced ? $"{root}/namespaces/{{namespace}}/{r.Plural}/{{name}}" : $"{root}/{r.Plural}/{{name}}";
            w.WriteStartObject(path);
            w.WriteStartObject("patch");
            w.WriteString("x-kubernetes-action", "patch");
            w.WriteStartObject("x-kubernetes-group-version-kind");
            w.WriteString("group", r.Group);
            w.WriteString("version", r.Version);
            w.WriteString("kind", r.Kind);
            w.WriteEndObject();
            w.WriteStartArray("parameters");
            foreach (string parameter in (string[])["dryRun", "fieldManager", "fieldValidation", "force"])
            {
                w.WriteStartObject();
                w.WriteString("name", parameter);
                w.WriteString("in", "query");
                w.WriteStartObject("schema");
                w.WriteString("type", parameter == "force" ? "boolean" : "string");
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("requestBody");
            w.WriteStartObject("content");
            foreach (string type in (string[])[MediaTypes.JsonPatch, MediaTypes.MergePatch, MediaTypes.StrategicMergePatch, MediaTypes.ApplyPatch])
            {
                w.WriteStartObject(type);
                w.WriteStartObject("schema");
                w.WriteString("type", "object");
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("responses");
            w.WriteStartObject("200");
            w.WriteString("description", "OK");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
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
