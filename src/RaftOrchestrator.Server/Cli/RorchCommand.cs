using System.CommandLine;
using System.Net;
using RaftOrchestrator.Consensus.Membership;
using RaftOrchestrator.Controllers.Manager;
using RaftOrchestrator.Server.Hosting;

namespace RaftOrchestrator.Server.Cli;

/// <summary>The `rorch` command line: `rorch server`, `rorch controller-manager`, `rorch scheduler`, `rorch agent`, `rorch sim-nodes`.</summary>
public static class RorchCommand
{
    public static RootCommand Build()
    {
        var root = new RootCommand("RaftOrchestrator: a container orchestrator with its own Raft-replicated store.");
        root.Subcommands.Add(BuildServer());
        root.Subcommands.Add(ControllerManagerCommand.Build());
        root.Subcommands.Add(SchedulerCommand.Build());
        root.Subcommands.Add(AgentCommand.Build());
        root.Subcommands.Add(SimNodesCommand.Build());
        return root;
    }

    private static Command BuildServer()
    {
        var name = new Option<string>("--name") { Description = "Member name.", DefaultValueFactory = _ => "default" };
        var dataDir = new Option<string>("--data-dir") { Description = "Data directory (log, snapshots, membership).", DefaultValueFactory = _ => "data" };
        var peerListen = new Option<string>("--peer-listen") { Description = "host:port of the Raft transport.", DefaultValueFactory = _ => "127.0.0.1:2380" };
        var clientListen = new Option<string>("--client-listen") { Description = "host:port of the etcd v3 gRPC API (HTTP/2, no TLS).", DefaultValueFactory = _ => "127.0.0.1:2379" };
        var advertisePeer = new Option<string?>("--advertise-peer")
        {
            Description = "host:port other members dial for this one's Raft transport, and its identity in the cluster (default: --peer-listen; set it when a proxy or port mapping is in between).",
        };
        var advertise = new Option<string?>("--advertise-client-url") { Description = "Client URL other members and clients use (default http://<client-listen>)." };
        var clusterInit = new Option<bool>("--cluster-init") { Description = "Bootstrap a new cluster (the default unless --join is given)." };
        var join = new Option<string?>("--join") { Description = "Client URL of a member of the cluster to join, e.g. http://127.0.0.1:2379." };
        var state = new Option<string>("--initial-cluster-state")
        {
            Description = "new: bootstrap a cluster when the data directory has none (the default without --join). existing: wait until a member adds this one (etcdctl member add).",
            DefaultValueFactory = _ => "new",
        };
        var election = new Option<int>("--election-timeout") { Description = "Upper election timeout in ms (the lower bound is half of it).", DefaultValueFactory = _ => 300 };
        var electionMin = new Option<int>("--election-timeout-min") { Hidden = true, Description = "Lower election timeout in ms (default half the upper one)." };
        var snapshotEntries = new Option<long>("--snapshot-count") { Description = "Log entries between snapshots.", DefaultValueFactory = _ => 20_000 };
        var unsafeNoFsync = new Option<bool>("--unsafe-no-follower-fsync") { Hidden = true, Description = "Stock DotNext follower appends: may lose acknowledged writes. Tests only." };
        var failpointAcks = new Option<long>("--failpoint-kill-after-acks") { Hidden = true, Description = "Tests only: after this many acknowledged writes, kill -9 the processes in --failpoint-pids-file, then this one." };
        var failpointPids = new Option<string?>("--failpoint-pids-file") { Hidden = true };
        var noPropagate = new Option<bool>("--no-propagate-commits") { Hidden = true, Description = "Let followers learn commits from the next heartbeat (benchmarks)." };
        var maxInflight = new Option<int>("--max-inflight") { Hidden = true, Description = "Proposals in flight per member.", DefaultValueFactory = _ => 4 };
        var apiListen = new Option<string>("--api-listen") { Description = "host:port of the Kubernetes API (plain HTTP unless --tls-cert is given).", DefaultValueFactory = _ => "127.0.0.1:6443" };
        var tlsCert = new Option<string?>("--tls-cert") { Description = "PEM certificate for the Kubernetes API (HTTPS; with --tls-key)." };
        var tlsKey = new Option<string?>("--tls-key") { Description = "PEM private key of --tls-cert." };
        var tokenFile = new Option<string?>("--token-auth-file") { Description = "Static bearer tokens, CSV lines token,user,uid,\"group1,group2\" (kube-apiserver's format)." };
        var bookmarkInterval = new Option<int>("--watch-bookmark-interval") { Hidden = true, Description = "Seconds between watch bookmarks (tests).", DefaultValueFactory = _ => 30 };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Where to write a kubeconfig for this server (default <data-dir>/kubeconfig)." };
        var nodeGrace = new Option<int>("--node-monitor-grace-period") { Hidden = true, Description = "Seconds without a heartbeat before the embedded node lifecycle controller marks a node Unknown (tests; default 40)." };
        var controllers = new Option<string>("--controllers")
        {
            Description = "The embedded controller manager's controllers (active on the replica holding its lease): * (all), name, -name; none: no embedded manager.",
            DefaultValueFactory = _ => "*",
        };
        var scheduler = new Option<string>("--scheduler")
        {
            Description = "The embedded scheduler (active on the replica holding the kube-scheduler lease): default (on) or none/false (no embedded scheduler).",
            DefaultValueFactory = _ => "default",
        };
        var schedulerConfig = new Option<string?>("--scheduler-config") { Description = "The embedded scheduler's KubeSchedulerConfiguration file." };
        var schedulerBinder = new Option<string>("--scheduler-binder") { Description = $"The embedded scheduler's binder: {SchedulerSettings.BinderValues}.", DefaultValueFactory = _ => "binding-batch" };

        var agent = new Option<string>("--agent")
        {
            Description = $"The embedded node agent's runtime: {AgentRuntimes.Values}, or none (no agent: this replica is not a node).",
            DefaultValueFactory = _ => "process",
        };
        var nodeName = new Option<string?>("--node-name") { Description = "The embedded agent's Node name (default: this host's name, lower-cased, then -<member name> when --name is given)." };
        var agentListen = new Option<string>("--agent-listen") { Description = "host:port of the embedded agent's HTTP endpoint (the kubelet port, serving logs); none: no endpoint.", DefaultValueFactory = _ => "127.0.0.1:10250" };

        var server = new Command("server", "Run a control-plane replica. With no flags: a single-replica cluster with data in ./data.");
        foreach (Option option in new Option[] { name, dataDir, peerListen, advertisePeer, clientListen, advertise, clusterInit, join, state, election, electionMin, snapshotEntries, unsafeNoFsync, failpointAcks, failpointPids, noPropagate, maxInflight, apiListen, tlsCert, tlsKey, tokenFile, kubeconfig, bookmarkInterval, controllers, nodeGrace, scheduler, schedulerConfig, schedulerBinder, agent, nodeName, agentListen })
        {
            server.Options.Add(option);
        }
        server.Validators.Add(result =>
        {
            if (result.GetValue(clusterInit) && result.GetValue(join) is not null)
            {
                result.AddError("--cluster-init and --join exclude each other: a member either starts a cluster or joins one.");
            }
            if ((result.GetValue(tlsCert) is null) != (result.GetValue(tlsKey) is null))
            {
                result.AddError("--tls-cert and --tls-key go together.");
            }
        });
        server.SetAction(async (parse, ct) =>
        {
            string initialState = parse.GetValue(state) ?? "new";
            if (initialState is not ("new" or "existing") || (initialState == "existing" && parse.GetValue(clusterInit)))
            {
                await Console.Error.WriteLineAsync("--initial-cluster-state is new or existing, and existing excludes --cluster-init.");
                return 2;
            }
            if (parse.GetValue(election) is < 20 or > 60_000)
            {
                await Console.Error.WriteLineAsync("--election-timeout must be between 20 and 60000 ms.");
                return 2;
            }
            string selected = parse.GetValue(controllers) ?? "*";
            if (selected != "none" && !ControllerSelection.TryParse(selected, ControllerCatalog.Names, out _, out string? controllersError))
            {
                await Console.Error.WriteLineAsync(controllersError);
                return 2;
            }
            Controllers.Scheduler.SchedulerOptions? schedulerOptions = null;
            string schedulerMode = parse.GetValue(scheduler) ?? "default";
            if (schedulerMode is not ("none" or "false" or "default" or "true" or "on"))
            {
                await Console.Error.WriteLineAsync("--scheduler is default (on) or none/false.");
                return 2;
            }
            if (schedulerMode is not ("none" or "false")
                && !SchedulerSettings.TryBuild(parse.GetValue(schedulerConfig), parse.GetValue(schedulerBinder), out schedulerOptions, out string? schedulerError))
            {
                await Console.Error.WriteLineAsync($"--scheduler-config/--scheduler-binder: {schedulerError}");
                return 2;
            }
            string agentRuntime = parse.GetValue(agent) ?? "process";
            if (agentRuntime != "none" && !AgentRuntimes.IsAvailable(agentRuntime, out string? agentError))
            {
                await Console.Error.WriteLineAsync($"--agent: {agentError}, or none");
                return 2;
            }
            ServerOptions options;
            try
            {
                string data = Path.GetFullPath(parse.GetValue(dataDir)!);
                options = new ServerOptions
                {
                    Name = parse.GetValue(name)!,
                    DataDirectory = data,
                    PeerListen = Endpoint(parse.GetValue(peerListen)!, "--peer-listen"),
                    AdvertisePeer = parse.GetValue(advertisePeer) is { } advertised ? Endpoint(advertised, "--advertise-peer") : null,
                    ClientListen = Endpoint(parse.GetValue(clientListen)!, "--client-listen"),
                    AdvertiseClientUrl = parse.GetValue(advertise),
                    Join = parse.GetValue(join),
                    ClusterInit = parse.GetValue(join) is null && initialState == "new",
                    ElectionTimeoutMs = parse.GetValue(election),
                    ElectionTimeoutMinMs = parse.GetValue(electionMin) is > 0 and var min ? min : parse.GetValue(election) / 2,
                    SnapshotEntries = parse.GetValue(snapshotEntries),
                    UnsafeNoFollowerFsync = parse.GetValue(unsafeNoFsync),
                    FailpointKillAfterAcks = parse.GetValue(failpointAcks),
                    FailpointPidsFile = parse.GetValue(failpointPids),
                    PropagateCommits = !parse.GetValue(noPropagate),
                    MaxInflight = Math.Max(1, parse.GetValue(maxInflight)),
                    ApiListen = Endpoint(parse.GetValue(apiListen)!, "--api-listen"),
                    TlsCertFile = parse.GetValue(tlsCert) is { } cert ? Path.GetFullPath(cert) : null,
                    TlsKeyFile = parse.GetValue(tlsKey) is { } key ? Path.GetFullPath(key) : null,
                    TokenAuthFile = parse.GetValue(tokenFile) is { } tokens ? Path.GetFullPath(tokens) : null,
                    KubeconfigPath = parse.GetValue(kubeconfig) is { } config ? Path.GetFullPath(config) : null,
                    Controllers = selected == "none" ? null : selected,
                    SchedulerOptions = schedulerOptions,
                    WatchBookmarkInterval = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(bookmarkInterval))),
                    NodeMonitorGracePeriod = parse.GetValue(nodeGrace) is > 0 and var grace ? TimeSpan.FromSeconds(grace) : null,
                    Agent = agentRuntime == "none" ? null : new EmbeddedAgentOptions(
                        agentRuntime,
                        parse.GetValue(nodeName) is { Length: > 0 } node ? node : DefaultNodeName(parse.GetValue(name)!),
                        parse.GetValue(agentListen) is "none" or null ? null : Endpoint(parse.GetValue(agentListen)!, "--agent-listen"),
                        Path.Combine(data, "agent")),
                };
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }
            return await ServerHost.RunAsync(options, ct);
        });
        return server;
    }

    /// <summary>The host's name; a named member (several replicas may share a host) appends its name.</summary>
    private static string DefaultNodeName(string member)
    {
        string host = Environment.MachineName.ToLowerInvariant();
        return member == "default" ? host : $"{host}-{member.ToLowerInvariant()}";
    }

    private static IPEndPoint Endpoint(string text, string flag)
    {
        try
        {
            return MemberIds.Parse(text);
        }
        catch (Exception e) when (e is FormatException or System.Net.Sockets.SocketException or UriFormatException)
        {
            throw new FormatException($"{flag}: {e.Message}", e);
        }
    }
}
