using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Client.Http;

/// <summary>
/// Client options from a kubeconfig file (what <c>rorch server</c> writes at &lt;data-dir&gt;/kubeconfig, or any
/// kubectl one): the context's cluster (server URL, plain http or https; certificate-authority-data or a
/// certificate-authority file; insecure-skip-tls-verify) and user (token or tokenFile). Client certificates and
/// exec plugins are not supported. A file that cannot be used is a <see cref="FormatException"/>: this is start-up
/// configuration, read once.
/// </summary>
public static class KubeconfigReader
{
    public static ClusterClientOptions Read(string path, string userAgent, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(userAgent);
        string directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Parse(File.ReadAllText(path), directory, userAgent, context, path);
    }

    /// <summary>Parses kubeconfig text; relative file references resolve against <paramref name="directory"/>.</summary>
    public static ClusterClientOptions Parse(string yaml, string directory, string userAgent, string? context = null, string source = "kubeconfig")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (!YamlToJson.TryConvert(yaml, out JsonNode? root, out YamlConversionError? error))
        {
            throw new FormatException($"{source}: {error}");
        }
        if (root is not JsonObject config)
        {
            throw new FormatException($"{source}: not a kubeconfig (expected a mapping)");
        }
        string contextName = context ?? Text(config["current-context"]) ?? throw new FormatException($"{source}: no current-context and none asked for");
        JsonObject selected = Named(config, "contexts", contextName, source)["context"] as JsonObject
            ?? throw new FormatException($"{source}: context \"{contextName}\" has no context entry");
        string clusterName = Text(selected["cluster"]) ?? throw new FormatException($"{source}: context \"{contextName}\" names no cluster");
        JsonObject cluster = Named(config, "clusters", clusterName, source)["cluster"] as JsonObject
            ?? throw new FormatException($"{source}: cluster \"{clusterName}\" has no cluster entry");
        string server = Text(cluster["server"]) ?? throw new FormatException($"{source}: cluster \"{clusterName}\" has no server");
        if (!Uri.TryCreate(server, UriKind.Absolute, out Uri? url) || url.Scheme is not ("http" or "https"))
        {
            throw new FormatException($"{source}: cluster \"{clusterName}\" server \"{server}\" is not an http(s) URL");
        }
        JsonObject? user = Text(selected["user"]) is { } userName ? Named(config, "users", userName, source)["user"] as JsonObject : null;
        if (user?["client-certificate-data"] is not null || user?["client-certificate"] is not null || user?["exec"] is not null)
        {
            throw new FormatException($"{source}: client certificates and exec credentials are not supported; use a token");
        }
        return new ClusterClientOptions
        {
            Servers = [url],
            BearerToken = Text(user?["token"]) ?? (Text(user?["tokenFile"]) is { } tokenFile ? File.ReadAllText(Resolve(directory, tokenFile)).Trim() : null),
            CertificateAuthorityPem = CertificateAuthority(cluster, directory, source),
            InsecureSkipTlsVerify = Flag(cluster["insecure-skip-tls-verify"]),
            UserAgent = userAgent,
        };
    }

    private static string? CertificateAuthority(JsonObject cluster, string directory, string source)
    {
        if (Text(cluster["certificate-authority-data"]) is { } data)
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(data));
            }
            catch (FormatException e)
            {
                throw new FormatException($"{source}: certificate-authority-data is not base64: {e.Message}", e);
            }
        }
        return Text(cluster["certificate-authority"]) is { } file ? File.ReadAllText(Resolve(directory, file)) : null;
    }

    private static JsonObject Named(JsonObject config, string section, string name, string source)
    {
        if (config[section] is JsonArray entries)
        {
            foreach (JsonNode? entry in entries)
            {
                if (entry is JsonObject named && Text(named["name"]) == name)
                {
                    return named;
                }
            }
        }
        throw new FormatException($"{source}: no {section} entry named \"{name}\"");
    }

    private static string Resolve(string directory, string file) => Path.IsPathRooted(file) ? file : Path.Combine(directory, file);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool Flag(JsonNode? node) =>
        node is JsonValue value && (value.GetValueKind() == JsonValueKind.True || (Text(value) is { } text && bool.TryParse(text, out bool parsed) && parsed));
}
