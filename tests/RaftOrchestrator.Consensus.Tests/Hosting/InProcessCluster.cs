using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RaftOrchestrator.Consensus.Hosting;

namespace RaftOrchestrator.Consensus.Tests.Hosting;

/// <summary>
/// A real Raft cluster of N replicas in this process (real TCP between them on 127.0.0.1, real logs on disk
/// under a temporary directory), grown the way operators do: the first member bootstraps, the others start
/// empty and the leader adds them. Every wait is bounded.
/// </summary>
internal sealed class InProcessCluster : IAsyncDisposable
{
    private readonly LoopbackPeerTransport _transport = new();
    private readonly Func<ReplicaOptions, ReplicaOptions> _configure;
    private readonly ILoggerFactory _loggers;

    private InProcessCluster(string root, Func<ReplicaOptions, ReplicaOptions> configure, ILoggerFactory loggers)
    {
        Root = root;
        _configure = configure;
        _loggers = loggers;
    }

    public string Root { get; }

    /// <summary>The replicas by member index; null while one is stopped.</summary>
    public List<ReplicatedStore?> Replicas { get; } = [];

    public List<ReplicaOptions> Options { get; } = [];

    public static async Task<InProcessCluster> StartAsync(
        int members, CancellationToken ct, Func<ReplicaOptions, ReplicaOptions>? configure = null, ILoggerFactory? loggers = null)
    {
        string root = Directory.CreateTempSubdirectory("ro-cluster-").FullName;
        var cluster = new InProcessCluster(root, configure ?? (o => o), loggers ?? NullLoggerFactory.Instance);
        try
        {
            for (int i = 0; i < members; i++)
            {
                await cluster.AddAsync(ct);
            }
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public ReplicatedStore Leader => Replicas.First(r => r is { IsLeader: true })!;

    public IEnumerable<ReplicatedStore> Followers => Replicas.OfType<ReplicatedStore>().Where(r => !r.IsLeader);

    /// <summary>Starts one more member and has the leader add it (the first one bootstraps the cluster).</summary>
    public async Task<ReplicatedStore> AddAsync(CancellationToken ct)
    {
        int index = Options.Count;
        ReplicaOptions options = _configure(new ReplicaOptions
        {
            Name = $"m{index + 1}",
            DataDirectory = Path.Combine(Root, $"m{index + 1}"),
            PeerEndPoint = new IPEndPoint(IPAddress.Loopback, FreePorts.Next()),
            ClientUrls = [$"loop://m{index + 1}"],
            ClusterInit = index == 0,
        });
        Options.Add(options);
        Replicas.Add(null);
        ReplicatedStore replica = await StartMemberAsync(index, ct);
        if (index > 0)
        {
            await WaitUntilAsync(() => Replicas.Any(r => r is { IsLeader: true }), ct);
            Assert.Equal(MembershipStatus.Ok, await Leader.AddMemberAsync(options.PeerEndPoint, ct));
        }
        await WaitUntilAsync(() => replica.IsMember && replica.Members.Any(m => m.IsSelf && m.ClientUrls.Count > 0), ct);
        return replica;
    }

    public async Task<ReplicatedStore> StartMemberAsync(int index, CancellationToken ct)
    {
        ReplicatedStore replica = await ReplicatedStore.StartAsync(Options[index], _transport, _loggers, ct);
        Replicas[index] = replica;
        _transport.Register(Options[index].ClientUrls[0], replica);
        return replica;
    }

    /// <summary>Stops a member (graceful dispose: the closest an in-process test gets to a crash).</summary>
    public async Task StopMemberAsync(int index)
    {
        if (Replicas[index] is { } replica)
        {
            _transport.Unregister(Options[index].ClientUrls[0]);
            Replicas[index] = null;
            await replica.DisposeAsync();
        }
    }

    public async Task<ReplicatedStore> WaitForLeaderAsync(CancellationToken ct)
    {
        await WaitUntilAsync(() => Replicas.Any(r => r is { IsLeader: true }), ct);
        return Leader;
    }

    public static async Task WaitUntilAsync(Func<bool> condition, CancellationToken ct, int seconds = 20)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (int i = 0; i < Replicas.Count; i++)
        {
            await StopMemberAsync(i);
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
