namespace RaftOrchestrator.Ctl.Etcd;

/// <summary>Parses `--endpoints`: comma-separated host:port or http(s)://host:port, into gRPC addresses.</summary>
internal static class EndpointList
{
    public static IReadOnlyList<Uri> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var endpoints = new List<Uri>();
        foreach (string item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string url = item.Contains("://", StringComparison.Ordinal) ? item : "http://" + item;
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri)
                || uri.Scheme is not ("http" or "https")
                || uri.AbsolutePath != "/")
            {
                throw new FormatException($"'{item}' is not an endpoint: give host:port or http://host:port.");
            }
            endpoints.Add(uri);
        }
        return endpoints.Count > 0 ? endpoints : throw new FormatException("--endpoints is empty.");
    }

    /// <summary>host:port, as an operator types it.</summary>
    public static string Display(Uri endpoint) => endpoint.Authority;
}
