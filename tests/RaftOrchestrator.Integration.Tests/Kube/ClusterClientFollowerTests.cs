using Etcdserverpb;
using Google.Protobuf;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Http;
using RaftOrchestrator.Integration.Tests.Harness;
using RaftOrchestrator.Server.Tests.Contract;

namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>
/// The IClusterClient contract over HTTP (MessagePack) against a follower of three `rorch server` processes,
/// configured from the kubeconfig the follower writes: every write is forwarded to the leader, reads wait on a
/// ReadIndex, watches are served from the follower's own store.
/// </summary>
public sealed class ClusterClientFollowerTests(ThreeReplicaFastBookmarksFixture fixture)
    : ClusterClientContractTests, IClassFixture<ThreeReplicaFastBookmarksFixture>
{
    private readonly HttpClusterClient _client = HttpClusterClient.FromKubeconfig(fixture.Target.Kubeconfig, "rorch-contract-tests/1.0");

    protected override IClusterClient Client => _client;

    protected override string Tag => "fo";

    /// <summary>
    /// An etcd compaction through the follower (forwarded to the leader), then a linearizable read on it, so the
    /// follower has applied the compaction before the test watches it.
    /// </summary>
    protected override async Task CompactAsync(long revision, CancellationToken cancellationToken)
    {
        var kv = new KV.KVClient(fixture.Target.Channel);
        await kv.CompactAsync(new CompactionRequest { Revision = revision }, cancellationToken: cancellationToken);
        await kv.RangeAsync(new RangeRequest { Key = ByteString.CopyFromUtf8("contract-barrier") }, cancellationToken: cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await base.DisposeAsync();
    }
}
