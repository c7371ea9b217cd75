using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests;

/// <summary>A member that was down while the others snapshotted and trimmed their logs catches up from a snapshot.</summary>
public sealed class SnapshotInstallTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LaggingFollower_LogTrimmedMeanwhile_CatchesUpByInstallingTheLeadersSnapshot()
    {
        await using ProcessCluster cluster = await ProcessCluster.StartAsync(3, Ct, "--snapshot-count", "100");
        ProcessMember leader = await cluster.WaitForLeaderAsync(Ct);
        ProcessMember lagging = cluster.Members.First(m => m != leader);
        await lagging.StopAsync();
        var writer = new Writer([leader], "/snap/");
        await writer.RunAsync(workers: 8, maxWrites: 3_000, CancellationToken.None);
        Assert.Equal(3_000, writer.Acknowledged.Count);

        cluster.Restart(lagging);
        HashSet<string> keys = await Reads.KeysAsync(lagging, "/snap/", Ct);
        Assert.Equal(3_000, keys.Count);
        Assert.Contains("Installed the leader's snapshot", lagging.ReadLog(), StringComparison.Ordinal);
    }
}
