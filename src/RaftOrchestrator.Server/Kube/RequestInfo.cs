namespace RaftOrchestrator.Server.Kube;

/// <summary>
/// A resource request's parts, parsed from its path as kube-apiserver's RequestInfoFactory does:
/// <c>/api/v1[/namespaces/{ns}]/{resource}[/{name}[/{subresource}]]</c> and the same under <c>/apis/{group}/{version}</c>.
/// <c>/api/v1/namespaces/{name}/status|finalize</c> are namespace subresources, not resources in a namespace.
/// </summary>
public sealed record RequestInfo(string Group, string Version, string? Namespace, string Resource, string? Name, string? Subresource)
{
    private static readonly HashSet<string> s_namespaceSubresources = ["status", "finalize"];

    public static RequestInfo? Parse(string path)
    {
        string[] parts = path.Trim('/').Split('/');
        int rest;
        string group;
        string version;
        if (parts.Length >= 3 && parts[0] == "api")
        {
            (group, version, rest) = ("", parts[1], 2);
        }
        else if (parts.Length >= 4 && parts[0] == "apis")
        {
            (group, version, rest) = (parts[1], parts[2], 3);
        }
        else
        {
            return null;
        }
        ReadOnlySpan<string> tail = parts.AsSpan(rest);
        string? ns = null;
        if (tail[0] == "namespaces" && tail.Length > 1)
        {
            ns = tail[1];
            if (tail.Length > 2 && !s_namespaceSubresources.Contains(tail[2]))
            {
                tail = tail[2..];
            }
            else
            {
                ns = null;   // the namespace object itself: /api/v1/namespaces/{name}[/status]
            }
        }
        if (tail.Length > 3 || tail.IsEmpty || tail.ToArray().Any(p => p.Length == 0))
        {
            return null;
        }
        return new RequestInfo(group, version, ns, tail[0], tail.Length > 1 ? Uri.UnescapeDataString(tail[1]) : null, tail.Length > 2 ? tail[2] : null);
    }
}
