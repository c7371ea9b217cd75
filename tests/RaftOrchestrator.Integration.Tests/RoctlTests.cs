using System.Globalization;
using System.Text.Json;
using Etcdserverpb;
using Google.Protobuf;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests;

/// <summary>
/// The built roctl, run as a process against one 3-member cluster of real rorch processes. A test that changes
/// the cluster (kills a member, adds a fourth) puts it back as it was before it ends.
/// </summary>
public sealed class RoctlTests(RoctlTests.ClusterFixture fixture) : IClassFixture<RoctlTests.ClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ProcessCluster Cluster => fixture.Cluster;

    private string All => Cluster.Endpoints;

    [Fact]
    public async Task MembersList_ThreeMembers_ShowsEveryNameAndOneLeader()
    {
        List<Dictionary<string, string>> rows = Roctl.TableRows(await Roctl.OkAsync(All, "members", "list"));
        Assert.Equal(["m1", "m2", "m3"], rows.Select(r => r["NAME"]).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{16}$", r["ID"]));
        Assert.All(Cluster.Members, m => Assert.Contains(rows, r => r["CLIENT URLS"] == m.ClientUrl));
        Assert.Single(rows, r => r["IS LEADER"] == "true");

        using JsonDocument json = JsonDocument.Parse(await Roctl.OkAsync(Cluster.Members[2].Endpoint, "members", "list", "-w", "json"));
        Assert.Equal(3, json.RootElement.GetArrayLength());
        Assert.Single(json.RootElement.EnumerateArray(), m => m.GetProperty("isLeader").GetBoolean());
    }

    [Fact]
    public async Task Status_AllMembersUp_ThreeRowsOneLeaderAndExitZero()
    {
        await Cluster.WaitForLeaderAsync(Ct);
        (int code, string output, string error) = await Roctl.RunAsync(All, "status");
        Assert.True(code == 0, $"exit {code}: {error}{output}");
        List<Dictionary<string, string>> rows = Roctl.TableRows(output);
        Assert.Equal(3, rows.Count);
        Assert.Single(rows, r => r["IS LEADER"] == "true");
        Assert.All(rows, r => Assert.Equal("", r["ERRORS"]));
        Assert.All(Cluster.Members, m => Assert.Contains(rows, r => r["ENDPOINT"] == m.ClientUrl && r["NAME"] == m.Name));
        Assert.All(rows, r => Assert.Matches(@"^\d+(\.\d)? (B|KiB|MiB|GiB)$", r["DB SIZE"]));
    }

    [Fact]
    public async Task Status_OneMemberKilled_ShowsItUnreachableAndExitsOne()
    {
        ProcessMember leader = await Cluster.WaitForLeaderAsync(Ct);
        ProcessMember victim = Cluster.Members.First(m => m != leader);
        await victim.KillAsync();
        try
        {
            (int code, string output, string error) = await Roctl.RunAsync(All, "status", "--member-timeout", "2");
            Assert.True(code == 1, $"exit {code}: {error}{output}");
            List<Dictionary<string, string>> rows = Roctl.TableRows(output);
            Assert.Equal(3, rows.Count);
            Assert.StartsWith("unreachable: ", rows.Single(r => r["NAME"] == victim.Name)["ERRORS"], StringComparison.Ordinal);
            Assert.Single(rows, r => r["IS LEADER"] == "true");
            Assert.Contains("1 of 3 members unreachable", error, StringComparison.Ordinal);
        }
        finally
        {
            Cluster.Restart(victim);
            await ProcessCluster.WaitUntilAsync(async () => await ProcessCluster.StatusAsync(victim, Ct) is { Errors.Count: 0, Leader: not 0 },
                $"{victim.Name} to rejoin", 60, Ct);
        }
        await Roctl.OkAsync(All, "status");
    }

    [Fact]
    public async Task SnapshotSaveThenRestore_NewMemberServesWhatWasWrittenBeforeTheSave()
    {
        await Etcdctl.OkAsync(All, "put", "/roctl/snap", "before");
        // ~160 KiB of values, so the backup streams in several messages (the server sends 32 KiB each).
        var kv = new KV.KVClient(Cluster.Members[0].Channel);
        string big = new('x', 4_096);
        for (int i = 0; i < 40; i++)
        {
            await kv.PutAsync(new PutRequest { Key = ByteString.CopyFromUtf8($"/roctl/big/{i:D2}"), Value = ByteString.CopyFromUtf8(big) },
                deadline: ProcessCluster.Deadline(TimeSpan.FromSeconds(10)), cancellationToken: Ct);
        }
        string file = Path.Combine(Cluster.Root, "roctl-backup.db");
        string saved = await Roctl.OkAsync(All, "snapshot", "save", file);
        Assert.Matches(@"^Snapshot saved at .*: \d+ bytes, revision \d+\.$", saved.Trim());
        Assert.True(File.Exists(file));
        Assert.False(File.Exists(file + ".part"));
        await Etcdctl.OkAsync(All, "put", "/roctl/snap", "after");   // not in the backup

        var restored = new ProcessMember("restored", Cluster.Root);
        string restoredOutput = await Roctl.OkAsync(null, "snapshot", "restore", file, "--data-dir", restored.DataDirectory);
        string revision = saved.Trim().Split(' ')[^1].TrimEnd('.');
        Assert.Contains($"Restored revision {revision}", restoredOutput, StringComparison.Ordinal);
        Assert.Contains("--cluster-init", restoredOutput, StringComparison.Ordinal);
        using (restored)
        {
            restored.Start(["--cluster-init"]);
            await ProcessCluster.WaitUntilAsync(async () => await ProcessCluster.StatusAsync(restored, Ct) is { Errors.Count: 0, Leader: not 0 },
                "the restored member to lead", 60, Ct);
            Assert.Equal("before\n", await Etcdctl.OkAsync(restored.Endpoint, "get", "/roctl/snap", "--print-value-only"));
            Assert.Equal(big + "\n", await Etcdctl.OkAsync(restored.Endpoint, "get", "/roctl/big/39", "--print-value-only"));
            List<Dictionary<string, string>> rows = Roctl.TableRows(await Roctl.OkAsync(restored.Endpoint, "status"));
            Assert.Equal(revision, Assert.Single(rows)["REVISION"]);
        }
    }

    [Fact]
    public async Task SnapshotRestore_IntoANonEmptyDirectoryOrFromADamagedFile_FailsClearly()
    {
        string file = Path.Combine(Cluster.Root, "roctl-restore-checks.db");
        await Roctl.OkAsync(Cluster.Members[0].Endpoint, "snapshot", "save", file);

        (int code, _, string error) = await Roctl.RunAsync(null, "snapshot", "restore", file, "--data-dir", Cluster.Members[0].DataDirectory);
        Assert.Equal(1, code);
        Assert.Contains("is not empty", error, StringComparison.Ordinal);

        byte[] bytes = await File.ReadAllBytesAsync(file, Ct);
        bytes[bytes.Length / 2] ^= 0xff;
        string damaged = file + ".damaged";
        await File.WriteAllBytesAsync(damaged, bytes, Ct);
        string target = Path.Combine(Cluster.Root, "restore-of-damaged");
        (code, _, error) = await Roctl.RunAsync(null, "snapshot", "restore", damaged, "--data-dir", target);
        Assert.Equal(1, code);
        Assert.Contains("damaged", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task Compact_ThenGetAtAnOlderRevision_FailsCompacted()
    {
        long first = await PutAsync("/roctl/c", "1");
        long second = await PutAsync("/roctl/c", "2");
        Assert.Equal($"compacted revision {second}\n", await Roctl.OkAsync(All, "compact", Text(second)));
        (int code, _, string error) = await Etcdctl.RunAsync(All, "", "get", "/roctl/c", "--rev", Text(first));
        Assert.NotEqual(0, code);
        Assert.Contains("compacted", error, StringComparison.Ordinal);
        Assert.Equal("2\n", await Etcdctl.OkAsync(All, "get", "/roctl/c", "--print-value-only"));

        (code, _, error) = await Roctl.RunAsync(All, "compact", Text(first));
        Assert.Equal(1, code);
        Assert.Contains("etcdserver: mvcc: required revision has been compacted", error, StringComparison.Ordinal);

        await PutAsync("/roctl/c", "3");
        long last = await PutAsync("/roctl/c", "4");
        Assert.Equal($"compacted revision {last - 1}\n", await Roctl.OkAsync(All, "compact", "--keep", "1"));
    }

    [Fact]
    public async Task MembersRemove_ByNameOfAFourthMember_LeavesTheOtherThree()
    {
        ProcessMember fourth = await Cluster.AddMemberAsync(Ct);
        try
        {
            List<Dictionary<string, string>> before = Roctl.TableRows(await Roctl.OkAsync(All, "members", "list"));
            Assert.Contains(before, r => r["NAME"] == fourth.Name);
            string removed = await Roctl.OkAsync(Cluster.Members[1].Endpoint, "members", "remove", fourth.Name);
            Assert.Contains($"({fourth.Name}) removed", removed, StringComparison.Ordinal);
            List<Dictionary<string, string>> after = Roctl.TableRows(await Roctl.OkAsync(Cluster.Members[0].Endpoint, "members", "list"));
            Assert.Equal(["m1", "m2", "m3"], after.Select(r => r["NAME"]).Order(StringComparer.Ordinal));
        }
        finally
        {
            Cluster.Members.Remove(fourth);
            fourth.Dispose();
        }
        await Etcdctl.OkAsync(All, "put", "/roctl/after-remove", "1");
    }

    [Fact]
    public async Task MembersAdd_ReplicaWaitingToBeAdded_JoinsAndServesReplicatedData()
    {
        await Etcdctl.OkAsync(All, "put", "/roctl/before-add", "x");
        using var waiting = new ProcessMember("m9", Cluster.Root);
        waiting.Start(["--initial-cluster-state", "existing"]);
        string id = "";
        try
        {
            // Up and answering (as "not part of a cluster yet"): DotNext replicates to it before adding it.
            await ProcessCluster.WaitUntilAsync(async () => await ProcessCluster.StatusAsync(waiting, Ct) is not null, "the replica to start", 30, Ct);
            string added = await Roctl.OkAsync(All, "members", "add", $"http://127.0.0.1:{waiting.PeerPort}");
            id = System.Text.RegularExpressions.Regex.Match(added, "[0-9a-f]{16}").Value;
            Assert.NotEmpty(id);
            await ProcessCluster.WaitUntilAsync(async () => await ProcessCluster.StatusAsync(waiting, Ct) is { Errors.Count: 0, Leader: not 0 },
                "the added replica to be a member", 60, Ct);
            Assert.Equal("x\n", await Etcdctl.OkAsync(waiting.Endpoint, "get", "/roctl/before-add", "--print-value-only"));
            // It publishes its name through the log once it is a member.
            await ProcessCluster.WaitUntilAsync(async () => Roctl.TableRows(await Roctl.OkAsync(All, "members", "list")).Any(r => r["NAME"] == "m9"),
                "the new member's name", 30, Ct);
            Assert.Contains("removed", await Roctl.OkAsync(All, "members", "remove", "m9"), StringComparison.Ordinal);
            id = "";
        }
        finally
        {
            await waiting.KillAsync();
            if (id.Length > 0)
            {
                await Etcdctl.RunAsync(All, "", "member", "remove", id);   // leave the shared cluster as it was
            }
        }
    }

    [Fact]
    public async Task ServerErrors_PrintTheStatusDetailAndExitOne()
    {
        (int code, _, string error) = await Roctl.RunAsync(All, "compact", "99999999");
        Assert.Equal(1, code);
        Assert.Contains("etcdserver: mvcc: required revision is a future revision", error, StringComparison.Ordinal);

        string peer = $"http://127.0.0.1:{Cluster.Members[1].PeerPort}";
        (code, _, error) = await Roctl.RunAsync(All, "members", "add", peer);
        Assert.Equal(1, code);
        Assert.Contains("etcdserver: Peer URLs already exists", error, StringComparison.Ordinal);

        (code, _, error) = await Roctl.RunAsync(All, "members", "remove", "nobody");
        Assert.Equal(1, code);
        Assert.Contains("no member is named 'nobody'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoints_FirstUnreachable_TheNextAnswers()
    {
        string endpoints = $"127.0.0.1:{Ports.Next()},{Cluster.Members[0].Endpoint}";
        Assert.Equal(3, Roctl.TableRows(await Roctl.OkAsync(endpoints, "members", "list")).Count);
        (int code, _, string error) = await Roctl.RunAsync($"127.0.0.1:{Ports.Next()}", "members", "list");
        Assert.Equal(1, code);
        Assert.Contains("no endpoint answered", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compact")]
    [InlineData("compact", "5", "--keep", "1")]
    [InlineData("members", "frobnicate")]
    [InlineData("snapshot", "restore", "file.db")]
    [InlineData("--timeout", "0", "status")]
    [InlineData("--endpoints", "ftp://127.0.0.1:1", "status")]
    public async Task BadArguments_ExitTwoWithAUsageMessage(params string[] args)
    {
        (int code, string output, string error) = await Roctl.RunAsync(null, args);
        Assert.True(code == 2, $"exit {code}: {error}{output}");
        Assert.Contains("Usage", error + output, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<long> PutAsync(string key, string value)
    {
        string fields = await Etcdctl.OkAsync(All, "put", key, value, "-w", "fields");
        return long.Parse(fields.Split('\n').Single(l => l.StartsWith("\"Revision\"", StringComparison.Ordinal)).Split(':')[1].Trim(),
            CultureInfo.InvariantCulture);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>One 3-member cluster for the whole class.</summary>
    public sealed class ClusterFixture : IAsyncLifetime
    {
        internal ProcessCluster Cluster { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Cluster = await ProcessCluster.StartAsync(3, CancellationToken.None);

        public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
    }
}
