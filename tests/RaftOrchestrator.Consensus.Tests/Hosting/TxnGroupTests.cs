using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Consensus.Replication;
using RaftOrchestrator.Storage.Mvcc;
using static RaftOrchestrator.Consensus.Tests.Hosting.Kv;

namespace RaftOrchestrator.Consensus.Tests.Hosting;

/// <summary>Transactions proposed as a group: one log entry, one revision and one result per transaction.</summary>
public sealed class TxnGroupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TxnRequest PutIfAbsent(string key, string value) =>
        new([Compare.CreateRevision(B(key), CompareResult.Equal, 0)], [new PutOp(B(key), B(value))], []);

    [Fact]
    public async Task TxnGroup_FromAFollower_SharesOneEntryWithOneRevisionAndResultEach()
    {
        await using InProcessCluster cluster = await InProcessCluster.StartAsync(3, Ct);
        ReplicatedStore leader = await cluster.WaitForLeaderAsync(Ct);
        ReplicatedStore follower = cluster.Followers.First();
        await PutAsync(follower, "/g/taken", "old", Ct);
        TxnRequest[] group = [.. Enumerable.Range(0, 40).Select(i => PutIfAbsent($"/g/{i:D2}", "v")), PutIfAbsent("/g/taken", "new")];
        long indexBefore = leader.GetStatus().LastIndex;

        ProposalOutcome[] outcomes = await follower.TxnGroupAsync(group, Ct);

        Assert.Equal(group.Length, outcomes.Length);
        Assert.All(outcomes, o => Assert.Equal(ProposalStatus.Applied, o.Status));
        Assert.All(outcomes[..^1], o => Assert.True(o.Result.Txn.Succeeded));
        Assert.False(outcomes[^1].Result.Txn.Succeeded);   // its compare failed; the others are unaffected
        long[] revisions = [.. outcomes[..^1].Select(o => o.Result.Txn.Revision)];
        Assert.Equal(Enumerable.Range(0, 40).Select(i => revisions[0] + i), revisions);   // in order, one each
        Assert.Equal(indexBefore + 1, leader.GetStatus().LastIndex);                     // one entry
        Assert.Equal("old", await GetAsync(leader, "/g/taken", Ct));
        Assert.Equal(41, Count(leader, "/g/"));
    }

    [Fact]
    public async Task TxnGroup_LargerThanAnEntry_IsRefusedWholeAndNothingIsWritten()
    {
        await using InProcessCluster cluster = await InProcessCluster.StartAsync(1, Ct,
            o => o with { Pipeline = new PipelineOptions { MaxEntryBytes = 4096 } });
        ReplicatedStore replica = cluster.Replicas[0]!;
        await InProcessCluster.WaitUntilAsync(() => replica.IsLeader, Ct);
        string value = new('x', 1000);
        TxnRequest[] group = [.. Enumerable.Range(0, 5).Select(i => Put($"/big/{i}", value))];

        ProposalOutcome[] refused = await replica.TxnGroupAsync(group, Ct);
        ProposalOutcome[] fits = await replica.TxnGroupAsync(group[..3], Ct);

        Assert.All(refused, o => Assert.Equal(ProposalStatus.TooLarge, o.Status));
        Assert.All(fits, o => Assert.Equal(ProposalStatus.Applied, o.Status));
        Assert.Equal(3, Count(replica, "/big/"));
    }
}
