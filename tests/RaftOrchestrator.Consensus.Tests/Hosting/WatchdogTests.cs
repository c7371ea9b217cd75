using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Consensus.Replication;
using RaftOrchestrator.Consensus.StateMachine;
using static RaftOrchestrator.Consensus.Tests.Hosting.Kv;

namespace RaftOrchestrator.Consensus.Tests.Hosting;

/// <summary>The WAL watchdog: a dead log is replaced on the same directory, and what was in flight completes.</summary>
public sealed class WatchdogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApplyFailsOnce_LogDies_MemberIsRebuiltAndTheWriteInFlightStillCompletes()
    {
        long failAt = long.MaxValue;
        int attempts = 0;   // applications of the poisoned entry: the failing one, then the replay's
        await using InProcessCluster cluster = await InProcessCluster.StartAsync(1, Ct, o => o with
        {
            StateMachine = new StateMachineOptions { ApplyFault = index => index == Volatile.Read(ref failAt) && Interlocked.Increment(ref attempts) == 1 },
        });
        ReplicatedStore replica = cluster.Replicas[0]!;
        await PutAsync(replica, "/before", "1", Ct);
        Volatile.Write(ref failAt, replica.GetStatus().LastIndex + 1);   // the next entry: the write below

        ProposalOutcome outcome = await replica.TxnAsync(Put("/during", "2"), Ct);

        Assert.Equal(ProposalStatus.Applied, outcome.Status);   // applied by the rebuilt member's replay
        Assert.Equal(2, Volatile.Read(ref attempts));
        Assert.Equal(1, replica.GetStatus().Restarts);
        Assert.Equal("2", await GetAsync(replica, "/during", Ct));
        Assert.Equal("1", await GetAsync(replica, "/before", Ct));
        Assert.False(replica.Fatal.IsCompleted);
    }

    [Fact]
    public async Task ApplyKeepsFailing_AfterTheRestartBudget_TheReplicaGivesUpInsteadOfDiverging()
    {
        long failFrom = long.MaxValue;
        await using InProcessCluster cluster = await InProcessCluster.StartAsync(1, Ct, o => o with
        {
            MaxRestarts = 2,
            ProposalTimeout = TimeSpan.FromSeconds(3),
            StateMachine = new StateMachineOptions { ApplyFault = index => index >= Volatile.Read(ref failFrom) },
        });
        ReplicatedStore replica = cluster.Replicas[0]!;
        await PutAsync(replica, "/ok", "1", Ct);
        Volatile.Write(ref failFrom, replica.GetStatus().LastIndex + 1);

        Task<ProposalOutcome> write = replica.TxnAsync(Put("/poison", "x"), Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => replica.Fatal.WaitAsync(TimeSpan.FromSeconds(60), Ct));
        Assert.NotEqual(ProposalStatus.Applied, (await write.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Status);
    }
}
