using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests;

/// <summary>Growing and shrinking a cluster of real processes with --join and etcdctl member remove.</summary>
public sealed class MembershipTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task JoinFourthMember_ThenRemoveIt_MemberListFollowsAndDataIsReplicated()
    {
        await using ProcessCluster cluster = await ProcessCluster.StartAsync(3, Ct);
        await Etcdctl.OkAsync(cluster.Endpoints, "put", "/m/before", "1");
        ProcessMember fourth = await cluster.AddMemberAsync(Ct);
        string list = await Etcdctl.OkAsync(cluster.Endpoints, "member", "list");
        Assert.Equal(4, list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("m4", list, StringComparison.Ordinal);
        Assert.Contains("1", await Etcdctl.OkAsync(fourth.Endpoint, "get", "/m/before", "--print-value-only"), StringComparison.Ordinal);

        string id = list.Split('\n').Single(l => l.Contains(", m4,", StringComparison.Ordinal)).Split(',')[0].Trim();
        await Etcdctl.OkAsync(cluster.Members[1].Endpoint, "member", "remove", id);   // through a member that need not lead
        string after = await Etcdctl.OkAsync(cluster.Members[0].Endpoint, "member", "list");
        Assert.Equal(3, after.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("m4", after, StringComparison.Ordinal);
        await Etcdctl.OkAsync(cluster.Members[0].Endpoint, "put", "/m/after", "2");   // a majority of the three remains
    }

    [Fact]
    public async Task MemberAdd_AddressNotRunning_FailsWithAClearErrorAndChangesNothing()
    {
        await using ProcessCluster cluster = await ProcessCluster.StartAsync(1, Ct);
        (int code, _, string error) = await Etcdctl.RunAsync(cluster.Endpoints, "", "member", "add", "ghost", "--peer-urls=http://127.0.0.1:" + Ports.Next(), "--command-timeout=25s");
        Assert.NotEqual(0, code);
        Assert.Contains("is the new member running", error, StringComparison.Ordinal);
        string list = await Etcdctl.OkAsync(cluster.Endpoints, "member", "list");
        Assert.Single(list.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await Etcdctl.OkAsync(cluster.Endpoints, "put", "/still", "writable");
    }
}
