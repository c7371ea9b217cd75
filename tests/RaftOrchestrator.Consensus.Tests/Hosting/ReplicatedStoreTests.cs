using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Consensus.Replication;
using RaftOrchestrator.Consensus.StateMachine;
using static RaftOrchestrator.Consensus.Tests.Hosting.Kv;

namespace RaftOrchestrator.Consensus.Tests.Hosting;

/// <summary>Replicas in one process over real TCP and real logs: writes, reads, restarts, leader loss.</summary>
public sealed class ReplicatedStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Txn_SingleMember_AppliesOneRevisionPerTransactionAndSurvivesRestart()
    {
        await using InProcessCluster cluster = await InProcessCluster.StartAsync(1, Ct);
        ReplicatedStore replica = cluster.Replicas[0]!;
        long first = await PutAsync(replica, "/a", "1", Ct);
        Task<long>[] concurrent = [.. Enumerable.Range(0, 50).Select(i => PutAsync(replica, $"/k/{i}", "v", Ct))];
        long[] revisions = await Task.WhenAll(concurrent);
        Assert.Equal(50, revisions.Distinct().Count());   // batched into few entries, still one revision each
        Assert.All(revisions, r => Assert.True(r > first));

        await cluster.StopMemberAsync(0);
        replica = await cluster.StartMemberAsync(0, Ct);
        await InProcessCluster.WaitUntilAsync(() => replica.IsLeader, Ct);
        Assert.Equal("1", await GetAsync(replica, "/a", Ct));
        Assert.Equal(50, Count(replica, "/k/"));
        Assert.Equal(revisions.Max(), replica.Store.Kv.CurrentRevision);
    }

    [Fact]
    public async Task Snapshot_AfterThreshold_IsTakenAndRestartRestoresFromIt()
    {
        await using InProcessCluster cluster = await InProcessCluster.StartAsync(1, Ct,
            o => o with { StateMachine = new StateMachineOptions { SnapshotEntries = 20 } });
        ReplicatedStore replica = cluster.Replicas[0]!;
        for (int i = 0; i < 60; i++)
        {
            await PutAsync(replica, $"/s/{i:D3}", $"v{i}", Ct);
        }
        await InProcessCluster.WaitUntilAsync(() => replica.GetStatus().SnapshotIndex >= 40, Ct);
        await cluster.StopMemberAsync(0);
        replica = await cluster.StartMemberAsync(0, Ct);
        Assert.True(replica.GetStatus().SnapshotIndex >= 40);
        Assert.Equal(60, Count(replica, "/s/"));
        Assert.Equal("v59", await GetAsync(replica, "/s/059", Ct));
    }

    [Fact]
    public async Task ThreeMembers_WritesOnAnyMember_AreReadLinearizablyEverywhere()
    {
        await using InProcessCluster cluster = await InProcessCluster.StartAsync(3, Ct);
        ReplicatedStore leader = await cluster.WaitForLeaderAsync(Ct);
        ReplicatedStore follower = cluster.Followers.First();
        await PutAsync(follower, "/from-follower", "f", Ct);
        await PutAsync(leader, "/from-leader", "l", Ct);
        foreach (ReplicatedStore replica in cluster.Replicas.OfType<ReplicatedStore>())
        {
            Assert.Equal("f", await GetAsync(replica, "/from-follower", Ct));
            Assert.Equal("l", await GetAsync(replica, "/from-leader", Ct));
        }
        Assert.Equal(3, leader.Members.Count);
        Assert.All(leader.Members, m => Assert.NotEmpty(m.Name));
    }

    [Fact]
    public async Task LeaderStops_UnderWriteLoad_EveryAcknowledgedWriteSurvives()
    {
        await using InProcessCluster cluster = await InProcessCluster.StartAsync(3, Ct);
        ReplicatedStore leader = await cluster.WaitForLeaderAsync(Ct);
        int leaderIndex = cluster.Replicas.IndexOf(leader);
        ReplicatedStore writer = cluster.Followers.First();
        var acknowledged = new List<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Task load = Task.Run(async () =>
        {
            for (int i = 0; i < 400 && !stop.IsCancellationRequested; i++)
            {
                ProposalOutcome outcome = await writer.TxnAsync(Put($"/load/{i:D4}", "x"), Ct);
                if (outcome.IsApplied)
                {
                    lock (acknowledged)
                    {
                        acknowledged.Add($"/load/{i:D4}");
                    }
                }
            }
        }, Ct);
        await InProcessCluster.WaitUntilAsync(() => { lock (acknowledged) { return acknowledged.Count >= 100; } }, Ct);
        await cluster.StopMemberAsync(leaderIndex);
        await load;
        ReplicatedStore newLeader = await cluster.WaitForLeaderAsync(Ct);
        Assert.NotSame(leader, newLeader);
        Assert.True(acknowledged.Count > 100);
        foreach (ReplicatedStore survivor in cluster.Replicas.OfType<ReplicatedStore>())
        {
            Assert.Equal(ReadStatus.Ok, await survivor.ReadBarrierAsync(Ct));
            Assert.All(acknowledged, key => Assert.Single(survivor.Store.Kv.Range(new(new(B(key), default))).Kvs));
        }
        ReplicatedStore restarted = await cluster.StartMemberAsync(leaderIndex, Ct);
        await InProcessCluster.WaitUntilAsync(() => restarted.GetStatus().AppliedIndex >= newLeader.GetStatus().CommittedIndex, Ct);
        Assert.All(acknowledged, key => Assert.Single(restarted.Store.Kv.Range(new(new(B(key), default))).Kvs));
    }
}
