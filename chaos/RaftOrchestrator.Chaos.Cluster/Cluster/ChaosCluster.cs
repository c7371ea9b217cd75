using Grpc.Core;
using RaftOrchestrator.Chaos.Cluster.Net;
using RaftOrchestrator.EtcdApi.V3;

namespace RaftOrchestrator.Chaos.Cluster.Cluster;

/// <summary>
/// The chaos suite's cluster: <see cref="ClusterOptions.Size"/> `rorch server` processes on 127.0.0.1, each behind a
/// peer proxy and a client proxy (<see cref="ChaosMember"/>), formed as an operator would (the first with
/// --cluster-init, the others --join through the first one's proxied client URL), with the embedded controllers and
/// scheduler on and no embedded agent. <see cref="Network"/> controls every link between members; connection sources
/// are the members' current PIDs. Every wait is bounded and throws <see cref="TimeoutException"/> with what it waited for.
/// Kills and signals reach only the processes this object started. Not thread-safe for concurrent
/// start/stop of the same member (the fault runner drives one fault at a time).
/// </summary>
public sealed class ChaosCluster : IAsyncDisposable
{
    private static readonly TimeSpan s_callTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(100);

    private readonly ClusterOptions _options;
    private readonly string _rorch;
    private readonly List<LinkProxy> _proxies = [];

    private ChaosCluster(ClusterOptions options, string root, TimeProvider time)
    {
        _options = options;
        Root = root;
        _rorch = options.RorchDll ?? RorchBinary.Find();
        Network = new NetworkControl(time, options.Seed);
        Sources = new ConnectionSources(() => Members
            .Select(m => (m.Name, m.Pid))
            .Where(m => m.Pid is not null)
            .ToDictionary(m => m.Pid!.Value, m => m.Name));
    }

    public string Root { get; }

    public IReadOnlyList<ChaosMember> Members { get; private set; } = [];

    public NetworkControl Network { get; }

    public ConnectionSources Sources { get; }

    /// <summary>Leave the root directory (data, logs) on disposal; set it when a run fails.</summary>
    public bool KeepFiles { get; set; }

    public IEnumerable<string> Names => Members.Select(m => m.Name);

    public ChaosMember this[string name] => Members.Single(m => m.Name == name);

    /// <summary>Creates the proxies, starts the members one by one and waits until each is in a cluster with a leader.</summary>
    public static async Task<ChaosCluster> StartAsync(ClusterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        string root = options.Root ?? Directory.CreateTempSubdirectory("ro-chaos-").FullName;
        Directory.CreateDirectory(root);
        var cluster = new ChaosCluster(options, root, TimeProvider.System);
        try
        {
            cluster.Members = [.. Enumerable.Range(1, options.Size).Select(i => new ChaosMember($"m{i}", root))];
            foreach (ChaosMember member in cluster.Members)
            {
                cluster.AddProxies(member);
            }
            foreach (ChaosMember member in cluster.Members)
            {
                member.Start(cluster._rorch, cluster.ArgsFor(member));
                int joined = cluster.Members.TakeWhile(m => m != member).Count() + 1;
                await WaitUntilAsync(async () => await StatusAsync(member, cancellationToken) is { Errors.Count: 0, Leader: not 0 }
                    && await MemberCountAsync(member, cancellationToken) == joined,
                    $"{member.Name} to be in a cluster of {joined} with a leader", options.StartTimeout, cancellationToken);
            }
            return cluster;
        }
        catch
        {
            cluster.KeepFiles = true;
            await cluster.DisposeAsync();
            throw;
        }
    }

    private void AddProxies(ChaosMember member)
    {
        var loopback = System.Net.IPAddress.Loopback;
        foreach ((int listen, System.Net.IPEndPoint upstream) in new[] { (member.PeerProxyPort, member.PeerEndPoint), (member.ClientProxyPort, member.ClientEndPoint) })
        {
            var proxy = new LinkProxy(member.Name, new System.Net.IPEndPoint(loopback, listen), upstream, Network, Sources.Identify);
            proxy.Start();
            _proxies.Add(proxy);
        }
    }

    /// <summary>The first member bootstraps; the others join through the first one's proxied client URL (also on restart: a
    /// member that already belongs finds itself in its stored configuration and the join is a no-op).</summary>
    public IReadOnlyList<string> ArgsFor(ChaosMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        IEnumerable<string> bootstrap = member == Members[0] ? ["--cluster-init"] : ["--join", Members[0].ClientUrl];
        return [.. member.BaseArgs, .. bootstrap, .. _options.ExtraArgs];
    }

    /// <summary>Starts a stopped member again with the same command line.</summary>
    public void Restart(ChaosMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        member.Start(_rorch, ArgsFor(member));
    }

    /// <summary>kill -9 of every member, then all started again (a full-cluster crash).</summary>
    public async Task KillAllAndRestartAsync(TimeSpan down, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Members.Select(m => m.KillAsync()));
        await Task.Delay(down, cancellationToken);
        foreach (ChaosMember member in Members)
        {
            Restart(member);
        }
    }

    /// <summary>
    /// Removes a member through the etcd Cluster API (the call goes to a running member other than it, which passes it
    /// to the leader), stops it, wipes its data, and starts it fresh with --join so that it is added back under the
    /// same peer URL (so the same member id). Bounded by <paramref name="timeout"/> for each step.
    /// </summary>
    public async Task RemoveAndReaddAsync(ChaosMember member, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ChaosMember via = Members.First(m => m != member && m.IsRunning && !m.IsPaused);
        ulong id = await MemberIdAsync(member, cancellationToken) ?? throw new InvalidOperationException($"{member.Name} is not a member.");
        await WaitUntilAsync(async () =>
        {
            try
            {
                await new EtcdApi.V3.Cluster.ClusterClient(via.DirectChannel).MemberRemoveAsync(new MemberRemoveRequest { ID = id },
                    deadline: Deadline(TimeSpan.FromSeconds(10)), cancellationToken: cancellationToken);
                return true;
            }
            catch (RpcException e) when (e.Status.Detail.Contains("member not found", StringComparison.OrdinalIgnoreCase))
            {
                return true;   // an earlier attempt removed it and its answer was lost
            }
            catch (RpcException)
            {
                return false;
            }
        }, $"{member.Name} to be removed", timeout, cancellationToken);
        await member.TerminateAsync(TimeSpan.FromSeconds(10));
        Directory.Delete(member.DataDirectory, recursive: true);
        member.Start(_rorch, [.. member.BaseArgs, "--join", via.ClientUrl, .. _options.ExtraArgs]);
        await WaitUntilAsync(async () => await MemberCountAsync(via, cancellationToken) == Members.Count
            && await StatusAsync(member, cancellationToken) is { Errors.Count: 0, Leader: not 0 },
            $"{member.Name} to be added back", timeout, cancellationToken);
    }

    /// <summary>The member's id as the cluster lists it (by its peer URL), or null if it is not listed.</summary>
    public async Task<ulong?> MemberIdAsync(ChaosMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        foreach (ChaosMember asked in Members.Where(m => m.IsRunning && !m.IsPaused))
        {
            try
            {
                MemberListResponse list = await new EtcdApi.V3.Cluster.ClusterClient(asked.DirectChannel).MemberListAsync(
                    new MemberListRequest(), deadline: Deadline(s_callTimeout), cancellationToken: cancellationToken);
                return list.Members.FirstOrDefault(m => m.PeerURLs.Contains(member.PeerUrl))?.ID;
            }
            catch (RpcException)
            {
            }
        }
        return null;
    }

    /// <summary>Maintenance Status of a running, unpaused member over its direct port; null if it does not answer in time.</summary>
    public static async Task<StatusResponse?> StatusAsync(ChaosMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.IsRunning || member.IsPaused)
        {
            return null;
        }
        try
        {
            return await new Maintenance.MaintenanceClient(member.DirectChannel).StatusAsync(
                new StatusRequest(), deadline: Deadline(s_callTimeout), cancellationToken: cancellationToken);
        }
        catch (RpcException)
        {
            return null;
        }
    }

    /// <summary>The member that says it leads, among the running ones (several may claim it briefly across a term change:
    /// the one with the highest term wins); null when none does.</summary>
    public async Task<ChaosMember?> LeaderAsync(CancellationToken cancellationToken)
    {
        ChaosMember? leader = null;
        ulong term = 0;
        foreach (ChaosMember member in Members)
        {
            if (await StatusAsync(member, cancellationToken) is { } s && s.Leader != 0 && s.Leader == s.Header.MemberId && s.RaftTerm >= term)
            {
                leader = member;
                term = s.RaftTerm;
            }
        }
        return leader;
    }

    /// <summary>Waits for a leader that satisfies <paramref name="accept"/> (e.g. "not the old one").</summary>
    public async Task<ChaosMember> WaitForLeaderAsync(TimeSpan timeout, CancellationToken cancellationToken, Func<ChaosMember, bool>? accept = null)
    {
        ChaosMember? found = null;
        await WaitUntilAsync(async () =>
        {
            found = await LeaderAsync(cancellationToken);
            return found is not null && (accept?.Invoke(found) ?? true);
        }, "a leader", timeout, cancellationToken);
        return found!;
    }

    /// <summary>
    /// Waits until every running member answers, names the same leader in the same term, and has applied as far as that
    /// leader had when asked (the cluster healed and converged). Returns the leader.
    /// </summary>
    public async Task<ChaosMember> WaitForAgreementAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        ChaosMember? agreed = null;
        await WaitUntilAsync(async () =>
        {
            var statuses = new List<(ChaosMember Member, StatusResponse Status)>();
            foreach (ChaosMember member in Members.Where(m => m.IsRunning))
            {
                if (await StatusAsync(member, cancellationToken) is not { } s)
                {
                    return false;
                }
                statuses.Add((member, s));
            }
            if (statuses.Count == 0 || statuses.Select(s => (s.Status.Leader, s.Status.RaftTerm)).Distinct().Count() != 1 || statuses[0].Status.Leader == 0)
            {
                return false;
            }
            (ChaosMember leader, StatusResponse leaderStatus) = statuses.Single(s => s.Status.Header.MemberId == s.Status.Leader);
            ulong target = leaderStatus.RaftAppliedIndex;
            foreach ((ChaosMember m, _) in statuses)
            {
                if (await StatusAsync(m, cancellationToken) is not { } again || again.RaftAppliedIndex < target)
                {
                    return false;
                }
            }
            agreed = leader;
            return true;
        }, "every running member to agree on one leader and catch up", timeout, cancellationToken);
        return agreed!;
    }

    private static async Task<int> MemberCountAsync(ChaosMember member, CancellationToken cancellationToken)
    {
        try
        {
            MemberListResponse list = await new EtcdApi.V3.Cluster.ClusterClient(member.DirectChannel).MemberListAsync(
                new MemberListRequest(), deadline: Deadline(s_callTimeout), cancellationToken: cancellationToken);
            return list.Members.Count(m => m.ClientURLs.Count > 0);
        }
        catch (RpcException)
        {
            return -1;
        }
    }

    public static DateTime Deadline(TimeSpan after) => TimeProvider.System.GetUtcNow().UtcDateTime.Add(after);

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds, or throws <see cref="TimeoutException"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            while (!await condition())
            {
                await Task.Delay(s_poll, bounded.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}.");
        }
    }

    /// <summary>The tail of every member's log, for a failure message.</summary>
    public string Logs(int tailChars = 6_000) => string.Join("\n", Members.Select(m =>
    {
        string log = m.ReadLog();
        return $"===== {m.Name} ({m.LogFile})\n{(log.Length > tailChars ? log[^tailChars..] : log)}";
    }));

    public async ValueTask DisposeAsync()
    {
        foreach (ChaosMember member in Members)
        {
            member.Dispose();
        }
        foreach (LinkProxy proxy in _proxies)
        {
            await proxy.DisposeAsync();
        }
        if (!KeepFiles)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
