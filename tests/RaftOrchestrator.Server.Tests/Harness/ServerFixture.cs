using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Http;
using RaftOrchestrator.Consensus.Replication;
using RaftOrchestrator.Server.Hosting;
using RaftOrchestrator.Server.Kube.InProcess;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Tests.Harness;

/// <summary>
/// A single-replica server inside the test process, on free loopback ports and a temporary data directory, with
/// one-second watch bookmarks. Started once for the whole collection; ready when the in-process client reads the
/// default namespace. Every wait is bounded.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private ServerHandle? _server;

    public ServerHandle Server => _server ?? throw new InvalidOperationException("not started");

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("ro-st-").FullName;

    public Uri ApiUrl => new(Server.Options.ApiUrl);

    /// <summary>The replica's own in-process client (its lifetime is the server's).</summary>
    public IClusterClient InProcess => Server.Services.GetRequiredService<InProcessClusterClient>();

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var options = new ServerOptions
        {
            Name = "st",
            DataDirectory = DataDirectory,
            PeerListen = new IPEndPoint(IPAddress.Loopback, Ports.Next()),
            ClientListen = new IPEndPoint(IPAddress.Loopback, Ports.Next()),
            ApiListen = new IPEndPoint(IPAddress.Loopback, Ports.Next()),
            WatchBookmarkInterval = TimeSpan.FromSeconds(1),
            // No embedded controllers: the tests are the only writers, so what they read is what they wrote.
            Controllers = null,
        };
        _server = await ServerHost.StartAsync(options, timeout.Token);
        while (!(await InProcess.Resource<Namespace>().GetAsync(null, "default", timeout.Token)).IsOk)
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>A new HTTP client of this server; the caller disposes it.</summary>
    public HttpClusterClient Http(WireFormat format, string? token = null) => new(new ClusterClientOptions
    {
        Servers = [ApiUrl],
        Format = format,
        BearerToken = token,
        UserAgent = "rorch-contract-tests/1.0",
    });

    /// <summary>Compacts the store at <paramref name="revision"/> (what etcdctl compact does).</summary>
    public async Task CompactAsync(long revision, CancellationToken cancellationToken)
    {
        ProposalOutcome outcome = await Server.Services.GetRequiredService<ReplicaSlot>().Replica!.CompactAsync(revision, cancellationToken);
        if (!outcome.IsApplied || outcome.Result.Status != StoreStatus.Ok)
        {
            throw new InvalidOperationException($"compaction at {revision} failed: {outcome.Status} {outcome.Result.Status}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open: the temporary directory is left for the system to clean
        }
    }
}
