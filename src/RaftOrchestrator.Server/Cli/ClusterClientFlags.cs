using System.CommandLine;
using RaftOrchestrator.Client.Http;

namespace RaftOrchestrator.Server.Cli;

/// <summary>
/// The flags every component that reaches a cluster over HTTP takes (`rorch scheduler`, `controller-manager`,
/// `agent`, `sim-nodes`): --server URL[,URL...] with --token, or --kubeconfig FILE; and --wire-format.
/// </summary>
internal sealed class ClusterClientFlags
{
    private readonly Option<string?> _servers = new("--server") { Description = "Comma-separated Kubernetes API URLs of any replicas (http://127.0.0.1:6443,...)." };
    private readonly Option<string?> _kubeconfig = new("--kubeconfig") { Description = "A kubeconfig to take the server, CA and token from (instead of --server)." };
    private readonly Option<string?> _token = new("--token") { Description = "Bearer token (with --server)." };
    private readonly Option<string> _format = new("--wire-format") { Description = "msgpack (default) or json.", DefaultValueFactory = _ => "msgpack" };

    /// <summary>Adds the flags to <paramref name="command"/>, with the check that exactly one of --server and --kubeconfig is given.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { _servers, _kubeconfig, _token, _format })
        {
            command.Options.Add(option);
        }
        command.Validators.Add(result =>
        {
            if ((result.GetValue(_servers) is null) == (result.GetValue(_kubeconfig) is null))
            {
                result.AddError("Give exactly one of --server and --kubeconfig.");
            }
        });
    }

    /// <summary>The client options the flags describe; false with the reason when they do not make one (checked here: validators do not see defaults).</summary>
    public bool TryBuild(ParseResult parse, string userAgent, out ClusterClientOptions client, out string? error)
    {
        client = null!;
        if (parse.GetValue(_format) is not ("msgpack" or "json"))
        {
            error = "--wire-format is msgpack or json.";
            return false;
        }
        WireFormat wire = parse.GetValue(_format) == "json" ? WireFormat.Json : WireFormat.MessagePack;
        try
        {
            client = parse.GetValue(_kubeconfig) is { } path
                ? KubeconfigReader.Read(path, userAgent) with { Format = wire }
                : new ClusterClientOptions
                {
                    Servers = [.. parse.GetValue(_servers)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u))],
                    BearerToken = parse.GetValue(_token),
                    Format = wire,
                    UserAgent = userAgent,
                };
            error = null;
            return true;
        }
        catch (Exception e) when (e is UriFormatException or FormatException or IOException or InvalidOperationException)
        {
            error = e.Message;
            return false;
        }
    }
}
