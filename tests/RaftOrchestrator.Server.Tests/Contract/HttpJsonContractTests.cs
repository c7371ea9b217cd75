using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Http;
using RaftOrchestrator.Server.Tests.Harness;

namespace RaftOrchestrator.Server.Tests.Contract;

/// <summary>The contract over HTTP with JSON bodies, replies and watch lines.</summary>
[Collection(ServerCollection.Name)]
public sealed class HttpJsonContractTests(ServerFixture server) : ClusterClientContractTests
{
    private readonly HttpClusterClient _client = server.Http(WireFormat.Json);

    protected override IClusterClient Client => _client;

    protected override string Tag => "js";

    protected override Task CompactAsync(long revision, CancellationToken cancellationToken) => server.CompactAsync(revision, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await base.DisposeAsync();
    }
}
