using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests;

/// <summary>The real etcdctl 3.4 against a 3-member cluster of real processes, through every member.</summary>
public sealed class EtcdctlTests(EtcdctlTests.ClusterFixture fixture) : IClassFixture<EtcdctlTests.ClusterFixture>
{
    private string All => fixture.Cluster.Endpoints;

    [Fact]
    public async Task PutGetDelete_PrefixRevisionLimit_BehaveAsEtcd()
    {
        await Etcdctl.OkAsync(All, "put", "/e/a", "1");
        await Etcdctl.OkAsync(fixture.Cluster.Members[1].Endpoint, "put", "/e/b", "2");   // written through a follower or the leader
        string rev = (await Etcdctl.OkAsync(fixture.Cluster.Members[2].Endpoint, "put", "/e/a", "3", "-w", "fields"))
            .Split('\n').Single(l => l.StartsWith("\"Revision\"", StringComparison.Ordinal)).Split(':')[1].Trim();
        Assert.Equal("/e/a\n3\n/e/b\n2\n", await Etcdctl.OkAsync(fixture.Cluster.Members[2].Endpoint, "get", "/e/", "--prefix"));
        Assert.Equal("/e/a\n3\n", await Etcdctl.OkAsync(All, "get", "/e/", "--prefix", "--limit", "1"));
        Assert.Equal("1\n", await Etcdctl.OkAsync(All, "get", "/e/a", "--rev", (long.Parse(rev, System.Globalization.CultureInfo.InvariantCulture) - 2).ToString(System.Globalization.CultureInfo.InvariantCulture), "--print-value-only"));
        Assert.Equal("2\n", await Etcdctl.OkAsync(All, "del", "/e/", "--prefix"));
        Assert.Equal("", await Etcdctl.OkAsync(All, "get", "/e/", "--prefix"));
    }

    [Fact]
    public async Task Txn_CompareAndSwap_TakesTheRightBranch()
    {
        await Etcdctl.OkAsync(All, "put", "/t/k", "old");
        (int code, string output, string error) = await Etcdctl.RunAsync(All, "value(\"/t/k\") = \"old\"\n\nput /t/k new\n\nput /t/k failed\n\n", "txn");
        Assert.True(code == 0, error);
        Assert.StartsWith("SUCCESS", output, StringComparison.Ordinal);
        (code, output, error) = await Etcdctl.RunAsync(All, "value(\"/t/k\") = \"old\"\n\nput /t/k again\n\nget /t/k\n\n", "txn");
        Assert.True(code == 0, error);
        Assert.StartsWith("FAILURE", output, StringComparison.Ordinal);
        Assert.Contains("new", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchFromRevision_ReplaysHistoryInOrder()
    {
        string first = (await Etcdctl.OkAsync(All, "put", "/wr/1", "a", "-w", "fields"))
            .Split('\n').Single(l => l.StartsWith("\"Revision\"", StringComparison.Ordinal)).Split(':')[1].Trim();
        await Etcdctl.OkAsync(All, "put", "/wr/2", "b");
        await Etcdctl.OkAsync(All, "del", "/wr/1");
        // etcdctl watch runs until killed: let it run a few seconds, then read what it printed.
        (_, string output, _) = await Etcdctl.RunForAsync(fixture.Cluster.Members[1].Endpoint, TimeSpan.FromSeconds(3), "watch", "/wr/", "--prefix", "--rev", first);
        Assert.StartsWith("PUT\n/wr/1\na\nPUT\n/wr/2\nb\nDELETE\n/wr/1\n\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lease_GrantAttachKeepAliveRevoke_RemovesTheKeys()
    {
        string grant = await Etcdctl.OkAsync(All, "lease", "grant", "60");
        string id = grant.Split(' ')[1];
        await Etcdctl.OkAsync(All, "put", "/l/k", "v", "--lease=" + id);
        Assert.Contains("keepalived with TTL(60)", await Etcdctl.OkAsync(fixture.Cluster.Members[2].Endpoint, "lease", "keep-alive", "--once", id), StringComparison.Ordinal);
        Assert.Contains("attached keys([/l/k])", await Etcdctl.OkAsync(All, "lease", "timetolive", id, "--keys"), StringComparison.Ordinal);
        Assert.Contains(id, await Etcdctl.OkAsync(All, "lease", "list"), StringComparison.Ordinal);
        Assert.Contains("revoked", await Etcdctl.OkAsync(All, "lease", "revoke", id), StringComparison.Ordinal);
        Assert.Equal("", await Etcdctl.OkAsync(All, "get", "/l/k"));
    }

    [Fact]
    public async Task Lease_NotKeptAlive_ExpiresOnTheLeadersClockAndItsKeysGo()
    {
        string id = (await Etcdctl.OkAsync(All, "lease", "grant", "2")).Split(' ')[1];
        await Etcdctl.OkAsync(All, "put", "/exp/k", "v", "--lease=" + id);
        await ProcessCluster.WaitUntilAsync(async () => await Etcdctl.OkAsync(All, "get", "/exp/k") == "", "the lease to expire", 20, TestContext.Current.CancellationToken);
        Assert.Contains("already expired", await Etcdctl.OkAsync(All, "lease", "timetolive", id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberListAndEndpointStatus_ShowThreeMembersAndOneLeader()
    {
        string members = await Etcdctl.OkAsync(All, "member", "list");
        Assert.Equal(3, members.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(fixture.Cluster.Members, m => Assert.Contains(m.ClientUrl, members, StringComparison.Ordinal));
        string status = await Etcdctl.OkAsync(All, "endpoint", "status");
        Assert.Equal(1, status.Split('\n').Count(l => l.Contains(", true, false,", StringComparison.Ordinal)));   // IS LEADER true, IS LEARNER false
        Assert.Contains("is healthy", await Etcdctl.OkWithErrorsAsync(All, "endpoint", "health"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompactionAndSnapshotSave_Work()
    {
        await Etcdctl.OkAsync(All, "put", "/c/k", "1");
        string rev = (await Etcdctl.OkAsync(All, "put", "/c/k", "2", "-w", "fields"))
            .Split('\n').Single(l => l.StartsWith("\"Revision\"", StringComparison.Ordinal)).Split(':')[1].Trim();
        Assert.Contains("compacted revision " + rev, await Etcdctl.OkAsync(All, "compaction", rev), StringComparison.Ordinal);
        (int code, _, string error) = await Etcdctl.RunAsync(All, "", "get", "/c/k", "--rev", "1");
        Assert.NotEqual(0, code);
        Assert.Contains("required revision has been compacted", error, StringComparison.Ordinal);
        string file = Path.Combine(fixture.Cluster.Root, "backup.db");
        Assert.Contains("Snapshot saved", await Etcdctl.OkAsync(fixture.Cluster.Members[0].Endpoint, "snapshot", "save", file), StringComparison.Ordinal);
        Assert.True(new FileInfo(file).Length > 32);
    }

    [Fact]
    public async Task BadRequests_GetEtcdErrors()
    {
        (int code, _, string error) = await Etcdctl.RunAsync(All, "", "put", "/b/k", "v", "--lease=1234");
        Assert.NotEqual(0, code);
        Assert.Contains("requested lease not found", error, StringComparison.Ordinal);
        (code, _, error) = await Etcdctl.RunAsync(All, "", "get", "/b/k", "--rev", "99999999");
        Assert.NotEqual(0, code);
        Assert.Contains("required revision is a future revision", error, StringComparison.Ordinal);
    }

    /// <summary>One 3-member cluster for the whole class (etcdctl checks only read and write their own keys).</summary>
    public sealed class ClusterFixture : IAsyncLifetime
    {
        internal ProcessCluster Cluster { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Cluster = await ProcessCluster.StartAsync(3, CancellationToken.None);

        public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
    }
}
