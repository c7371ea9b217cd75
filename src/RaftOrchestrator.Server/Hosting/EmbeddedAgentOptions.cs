using System.Net;

namespace RaftOrchestrator.Server.Hosting;

/// <summary>The embedded node agent of a replica (`rorch server --agent RUNTIME --node-name N --agent-listen HOST:PORT`).</summary>
/// <param name="Runtime">A runtime name <see cref="Cli.AgentRuntimes"/> accepts (process, sim).</param>
/// <param name="NodeName">The Node it registers.</param>
/// <param name="Listen">The agent's HTTP endpoint (the kubelet port, where logs are served); null: none.</param>
/// <param name="DataDirectory">Its containers and logs (under the replica's data directory).</param>
public sealed record EmbeddedAgentOptions(string Runtime, string NodeName, IPEndPoint? Listen, string DataDirectory);
