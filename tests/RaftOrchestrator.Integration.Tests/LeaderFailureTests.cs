using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests;

/// <summary>Kill -9 and full restarts of a 3-member cluster of real processes: nothing acknowledged may be lost.</summary>
public sealed class LeaderFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KillLeader_UnderWriteLoad_EveryAcknowledgedWriteIsOnTheSurvivorsAndOnTheRestartedMember()
    {
        await using ProcessCluster cluster = await ProcessCluster.StartAsync(3, Ct);
        ProcessMember leader = await cluster.WaitForLeaderAsync(Ct);
        var writer = new Writer(cluster.Members, "/kill/");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        Task load = writer.RunAsync(workers: 8, maxWrites: 3_000, stop.Token);
        await ProcessCluster.WaitUntilAsync(() => Task.FromResult(writer.Acknowledged.Count >= 300), "300 writes", 60, Ct);
        await leader.KillAsync();
        int atKill = writer.Acknowledged.Count;
        await ProcessCluster.WaitUntilAsync(() => Task.FromResult(writer.Acknowledged.Count >= atKill + 300), "writes after the kill", 60, Ct);
        await stop.CancelAsync();
        await load;

        IReadOnlyList<string> acknowledged = writer.Acknowledged;
        ProcessMember newLeader = await cluster.WaitForLeaderAsync(Ct);
        Assert.NotSame(leader, newLeader);
        foreach (ProcessMember survivor in cluster.Members.Where(m => m.IsRunning))
        {
            HashSet<string> keys = await Reads.KeysAsync(survivor, "/kill/", Ct);
            Durability.AssertAllPresent(acknowledged, keys);
        }
        cluster.Restart(leader);
        await ProcessCluster.WaitUntilAsync(async () => await ProcessCluster.StatusAsync(leader, Ct) is { Errors.Count: 0 }, "the killed member to rejoin", 60, Ct);
        HashSet<string> restarted = await Reads.KeysAsync(leader, "/kill/", Ct);
        Durability.AssertAllPresent(acknowledged, restarted);
    }

    [Fact]
    public async Task KillEveryMember_ThenRestartAll_EveryAcknowledgedWriteIsKept()
    {
        await using ProcessCluster cluster = await ProcessCluster.StartAsync(3, Ct);
        var writer = new Writer(cluster.Members, "/all/");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        Task load = writer.RunAsync(workers: 8, maxWrites: 100_000, stop.Token);
        await ProcessCluster.WaitUntilAsync(() => Task.FromResult(writer.Acknowledged.Count >= 1_000), "1,000 writes", 60, Ct);
        foreach (ProcessMember member in cluster.Members)
        {
            await member.KillAsync();   // while writes are in flight
        }
        await stop.CancelAsync();
        await load;
        IReadOnlyList<string> acknowledged = writer.Acknowledged;
        foreach (ProcessMember member in cluster.Members)
        {
            cluster.Restart(member);
        }
        cluster.KeepFiles = true;   // until it passes: the logs explain a failure
        await cluster.WaitForLeaderAsync(Ct);
        foreach (ProcessMember member in cluster.Members)
        {
            HashSet<string> keys = await Reads.KeysAsync(member, "/all/", Ct);
            Durability.AssertAllPresent(acknowledged, keys);
        }
        cluster.KeepFiles = false;
    }

    [Fact]
    public async Task GracefulRestartOfEveryMember_OneByOne_KeepsServing()
    {
        await using ProcessCluster cluster = await ProcessCluster.StartAsync(3, Ct);
        var writer = new Writer(cluster.Members, "/roll/");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Task load = writer.RunAsync(workers: 4, maxWrites: 100_000, stop.Token);
        foreach (ProcessMember member in cluster.Members)
        {
            int before = writer.Acknowledged.Count;
            await member.StopAsync();
            Assert.Equal(0, member.ExitCode);   // SIGTERM is a clean shutdown
            cluster.Restart(member);
            await ProcessCluster.WaitUntilAsync(async () => await ProcessCluster.StatusAsync(member, Ct) is { Errors.Count: 0 }, $"{member.Name} back", 60, Ct);
            await ProcessCluster.WaitUntilAsync(() => Task.FromResult(writer.Acknowledged.Count > before + 100), "writes to go on", 60, Ct);
        }
        await stop.CancelAsync();
        await load;
        HashSet<string> keys = await Reads.KeysAsync(cluster.Members[0], "/roll/", Ct);
        Durability.AssertAllPresent(writer.Acknowledged, keys);
    }
}
