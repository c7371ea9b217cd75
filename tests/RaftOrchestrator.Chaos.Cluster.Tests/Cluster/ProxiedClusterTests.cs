using RaftOrchestrator.Chaos.Cluster.Cluster;
using RaftOrchestrator.Chaos.Cluster.Faults;
using RaftOrchestrator.Chaos.Cluster.Net;

namespace RaftOrchestrator.Chaos.Cluster.Tests.Cluster;

/// <summary>
/// Three real `rorch server` processes whose peer and client links all go through the suite's proxies: the links are
/// identified by member, a partition of the leader elects a new leader among the others, and after the heal the
/// cluster agrees on one leader. Every wait is bounded.
/// </summary>
public sealed class ProxiedClusterTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Partitioning_the_leader_elects_another_and_the_healed_cluster_agrees()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using ChaosCluster cluster = await ChaosCluster.StartAsync(new ClusterOptions { Size = 3, Seed = 8 }, ct);
        try
        {
            ChaosMember old = await cluster.WaitForLeaderAsync(s_wait, ct);

            // Raft traffic reaches members through the peer proxies, attributed to the member that dialed.
            await ChaosCluster.WaitUntilAsync(() => Task.FromResult(cluster.Network.Connections.Any(l =>
                l.From != Link.External && l.To != Link.External && l.From != l.To)), "a member-to-member connection", s_wait, ct);

            cluster.Network.Isolate(old.Name, cluster.Names, TimeSpan.FromMinutes(2));
            ChaosMember elected = await cluster.WaitForLeaderAsync(s_wait, ct, m => m != old);
            Assert.NotEqual(old.Name, elected.Name);

            cluster.Network.HealAll();
            ChaosMember agreed = await cluster.WaitForAgreementAsync(s_wait, ct);
            Assert.True(agreed.IsRunning);

            // One named fault through the injector: it heals by itself and records who led.
            var injector = new FaultInjector(cluster, TimeProvider.System);
            FaultRecord paused = await injector.InjectAsync(new PlannedFault(1, FaultKind.PauseLeader, TimeSpan.Zero, TimeSpan.FromSeconds(2), 0), ct);
            Assert.Null(paused.Error);
            Assert.Equal("pause-leader", paused.Name);
            Assert.Equal(paused.LeaderBefore, paused.Target);
            Assert.NotNull(paused.LeaderAfter);
            Assert.True(paused.End - paused.Start >= TimeSpan.FromSeconds(2));
            await cluster.WaitForAgreementAsync(s_wait, ct);
            Assert.All(cluster.Members, m => Assert.False(m.IsPaused));
        }
        catch
        {
            cluster.KeepFiles = true;
            TestContext.Current.SendDiagnosticMessage(cluster.Logs());
            throw;
        }
    }
}
