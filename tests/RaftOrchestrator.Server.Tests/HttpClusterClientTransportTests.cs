using System.Net;
using System.Net.Sockets;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Http;
using RaftOrchestrator.Server.Tests.Harness;

namespace RaftOrchestrator.Server.Tests;

/// <summary>
/// What only the HTTP client has: failover across server URLs, transport failures as 503/504 results, and the
/// kubeconfig the server writes. Dead servers are free loopback ports nobody listens on; a silent one is a
/// listener that never answers.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HttpClusterClientTransportTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_WithAnUnreachableServerFirst_FailsOverToTheLiveOne()
    {
        await using var client = new HttpClusterClient(new ClusterClientOptions { Servers = [DeadServer(), DeadServer(), server.ApiUrl] });

        ApiResult<Namespace> first = await client.Resource<Namespace>().GetAsync(null, "default", Ct);
        ApiResult<Namespace> second = await client.Resource<Namespace>().GetAsync(null, "default", Ct);

        Assert.True(first.IsOk, first.ToString());
        Assert.True(second.IsOk, second.ToString());
    }

    [Fact]
    public async Task Create_WithAnUnreachableServerFirst_FailsOverBecauseNothingWasSent()
    {
        await using var client = new HttpClusterClient(new ClusterClientOptions { Servers = [DeadServer(), server.ApiUrl] });

        ApiResult<Namespace> created = await client.Resource<Namespace>().CreateAsync(new Namespace { Metadata = new() { Name = "transport-failover" } }, cancellationToken: Ct);

        Assert.True(created.IsOk, created.ToString());
    }

    [Fact]
    public async Task Get_WithNoServerReachable_IsServiceUnavailable()
    {
        await using var client = new HttpClusterClient(new ClusterClientOptions { Servers = [DeadServer(), DeadServer()] });

        ApiResult<Namespace> read = await client.Resource<Namespace>().GetAsync(null, "default", Ct);

        Assert.Equal(503, read.Code);
        Assert.Equal("ServiceUnavailable", read.Reason);
        Assert.True(read.IsTransient);
    }

    [Fact]
    public async Task Get_FromAServerThatNeverAnswers_IsTimeoutWithinTheRequestTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, Ports.Next());
        silent.Start();   // the kernel completes connections from the backlog; nothing ever reads or answers
        await using var client = new HttpClusterClient(new ClusterClientOptions
        {
            Servers = [new Uri($"http://{silent.LocalEndpoint}")],
            RequestTimeout = TimeSpan.FromMilliseconds(500),
        });

        ApiResult<Namespace> read = await client.Resource<Namespace>().GetAsync(null, "default", Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(504, read.Code);
        Assert.Equal("Timeout", read.Reason);
    }

    [Fact]
    public async Task Get_CancelledByTheCaller_Throws()
    {
        using var silent = new TcpListener(IPAddress.Loopback, Ports.Next());
        silent.Start();
        await using var client = new HttpClusterClient(new ClusterClientOptions { Servers = [new Uri($"http://{silent.LocalEndpoint}")] });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Resource<Namespace>().GetAsync(null, "default", cancel.Token));
    }

    [Fact]
    public async Task FromKubeconfig_TheServersOwnPlainHttpFile_Works()
    {
        await using HttpClusterClient client = HttpClusterClient.FromKubeconfig(Path.Combine(server.DataDirectory, "kubeconfig"), "rorch-controller-manager/1.0");

        ApiResult<Namespace> read = await client.Resource<Namespace>().GetAsync(null, "kube-system", Ct);

        Assert.True(read.IsOk, read.ToString());
        Assert.Equal(server.ApiUrl, client.Options.Servers[0]);
        Assert.Null(client.Options.BearerToken);
    }

    private static Uri DeadServer() => new($"http://127.0.0.1:{Ports.Next()}");
}
