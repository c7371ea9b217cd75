using System.CommandLine;
using System.Net;
using RaftOrchestrator.Agent;
using RaftOrchestrator.Client.Http;
using RaftOrchestrator.Consensus.Membership;
using RaftOrchestrator.Server.Hosting;

namespace RaftOrchestrator.Server.Cli;

/// <summary>`rorch agent --server URL[,URL...] | --kubeconfig FILE --runtime process|sim [--node-name N] [--data-dir D] [--listen HOST:PORT] [--pod-manifest-path DIR] [--manifest-url URL]`.</summary>
internal static class AgentCommand
{
    public static Command Build()
    {
        var runtime = new Option<string>("--runtime") { Description = $"The container runtime: {AgentRuntimes.Values}.", DefaultValueFactory = _ => "process" };
        var nodeName = new Option<string?>("--node-name") { Description = "The Node's name (default: this host's name, lower-cased)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Pod logs and agent state (default ./data/agents/<node-name>); its filesystem is the node's ephemeral-storage." };
        var listen = new Option<string>("--listen") { Description = "host:port of the agent's HTTP endpoint (published as the kubelet port); none: no endpoint.", DefaultValueFactory = _ => "127.0.0.1:10250" };
        var nodeIp = new Option<string?>("--node-ip") { Description = "The node's InternalIP (default: the --listen address when it is a loopback one, so the API server can reach the log endpoint; else the host's first non-loopback IPv4 address)." };
        var labels = new Option<string?>("--node-labels") { Description = "Labels to register the Node with: key=value,key=value." };
        var maxPods = new Option<int>("--max-pods") { Description = "capacity.pods.", DefaultValueFactory = _ => 110 };
        var leaseDuration = new Option<int>("--node-lease-duration-seconds") { Description = "The node Lease's duration (renewed every quarter of it; the kubelet's nodeLeaseDurationSeconds).", DefaultValueFactory = _ => 40 };
        var manifestPath = new Option<string?>("--pod-manifest-path") { Description = "A directory of static pod manifests (or one manifest file) to run and mirror to the API; read every 20 s and on change." };
        var manifestUrl = new Option<string?>("--manifest-url") { Description = "A URL answering a Pod or a PodList to run as static pods; fetched every 20 s." };
        var flags = new ClusterClientFlags();
        var command = new Command("agent", "Run a node agent (the kubelet role) against a cluster's API.");
        foreach (Option option in new Option[] { runtime, nodeName, dataDir, listen, nodeIp, labels, maxPods, leaseDuration, manifestPath, manifestUrl })
        {
            command.Options.Add(option);
        }
        flags.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (!flags.TryBuild(parse, "rorch-agent/1", out ClusterClientOptions client, out string? clientError))
            {
                await Console.Error.WriteLineAsync($"agent: {clientError}");
                return 2;
            }
            string name = parse.GetValue(nodeName) is { Length: > 0 } given ? given : Environment.MachineName.ToLowerInvariant();
            string data = Path.GetFullPath(parse.GetValue(dataDir) ?? Path.Combine("data", "agents", name));
            IPEndPoint? endpoint;
            Dictionary<string, string> nodeLabels;
            Uri? staticPodUrl;
            try
            {
                staticPodUrl = StaticPodUrl(parse.GetValue(manifestUrl));
                endpoint = parse.GetValue(listen) is "none" or null ? null : MemberIds.Parse(parse.GetValue(listen)!);
                nodeLabels = Labels(parse.GetValue(labels));
            }
            catch (Exception e) when (e is UriFormatException or FormatException or IOException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                await Console.Error.WriteLineAsync($"agent: {e.Message}");
                return 2;
            }
            var options = new NodeAgentOptions
            {
                NodeName = name,
                DataDirectory = data,
                InternalIP = parse.GetValue(nodeIp),
                Labels = nodeLabels,
                MaxPods = Math.Max(1, parse.GetValue(maxPods)),
                NodeLeaseDurationSeconds = Math.Max(1, parse.GetValue(leaseDuration)),
                StaticPodPath = parse.GetValue(manifestPath) is { Length: > 0 } staticPath ? Path.GetFullPath(staticPath) : null,
                StaticPodUrl = staticPodUrl,
            };
            string runtimeName = parse.GetValue(runtime) ?? "process";
            if (!AgentRuntimes.IsAvailable(runtimeName, out string? unavailable))
            {
                await Console.Error.WriteLineAsync($"agent: {unavailable}");
                return 2;
            }
            return await ComponentHost.RunAsync(
                client,
                (cluster, loggers, stop) => AgentHost.RunAsync(cluster, AgentRuntimes.Create(runtimeName, data, loggers), options, endpoint, loggers, stop),
                ct);
        });
        return command;
    }

    /// <summary>--manifest-url: an absolute http or https URL, or none.</summary>
    private static Uri? StaticPodUrl(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return Uri.TryCreate(text, UriKind.Absolute, out Uri? url) && url.Scheme is "http" or "https"
            ? url
            : throw new FormatException($"--manifest-url: \"{text}\" is not an http or https URL");
    }

    /// <summary>key=value,key=value (the kubelet's --node-labels).</summary>
    private static Dictionary<string, string> Labels(string? text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"--node-labels: \"{pair}\" is not key=value");
            }
            labels[pair[..equals]] = pair[(equals + 1)..];
        }
        return labels;
    }
}
