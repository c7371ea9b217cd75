using RaftOrchestrator.Client;
using RaftOrchestrator.Server.Tests.Harness;

namespace RaftOrchestrator.Server.Tests.Contract;

/// <summary>The contract through the replica's in-process client (no socket; the router's pipeline as a trusted user).</summary>
[Collection(ServerCollection.Name)]
public sealed class InProcessContractTests(ServerFixture server) : ClusterClientContractTests
{
    protected override IClusterClient Client => server.InProcess;

    protected override string Tag => "ip";

    protected override Task CompactAsync(long revision, CancellationToken cancellationToken) => server.CompactAsync(revision, cancellationToken);
}
