using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using RaftOrchestrator.Chaos.Cluster.Cluster;
using RaftOrchestrator.Chaos.Cluster.Faults;
using RaftOrchestrator.EtcdApi.V3;

namespace RaftOrchestrator.Chaos.Cluster.Tests.Faults;

/// <summary>
/// Every named fault, once each, against three real `rorch server` processes while a writer keeps putting keys:
/// each fault is injected and healed without an error, a leader exists after it, and at the end every write the
/// cluster acknowledged is on every member. The chaos runner's smoke profile draws only a few kinds; this is where
/// each kind is known to work end to end.
/// </summary>
public sealed class EveryFaultTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);
    private const string Prefix = "/every-fault/";

    [Fact]
    public async Task Each_named_fault_heals_and_every_acknowledged_write_is_on_every_member()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using ChaosCluster cluster = await ChaosCluster.StartAsync(new ClusterOptions { Size = 3, Seed = 21 }, ct);
        try
        {
            await cluster.WaitForLeaderAsync(s_wait, ct);
            var injector = new FaultInjector(cluster, TimeProvider.System);
            var acknowledged = new List<string>();
            using var stopWriter = CancellationTokenSource.CreateLinkedTokenSource(ct);
            Task writer = WriteUntilStoppedAsync(cluster, acknowledged, stopWriter.Token);

            var records = new List<FaultRecord>();
            int step = 0;
            foreach (FaultKind kind in Enum.GetValues<FaultKind>())
            {
                step++;
                FaultRecord record = await injector.InjectAsync(new PlannedFault(step, kind, TimeSpan.Zero, TimeSpan.FromSeconds(1.5), step), ct);
                records.Add(record);
                Assert.True(record.Error is null, $"{record.Name}: {record.Error}");
                Assert.True(record.LeaderAfter is not null, $"{record.Name}: no leader after the heal");
                await cluster.WaitForAgreementAsync(s_wait, ct);
            }
            await stopWriter.CancelAsync();
            await writer;

            Assert.Equal(Enum.GetValues<FaultKind>().Select(FaultNames.Of), records.Select(r => r.Name));
            string[] expected;
            lock (acknowledged) expected = [.. acknowledged];
            Assert.True(expected.Length > 50, $"only {expected.Length} writes acknowledged across the faults");
            foreach (ChaosMember member in cluster.Members)
            {
                await ChaosCluster.WaitUntilAsync(async () => (await LocalKeysAsync(member, ct)).IsSupersetOf(expected),
                    $"every acknowledged write on {member.Name}", s_wait, ct);
            }
        }
        catch
        {
            cluster.KeepFiles = true;
            TestContext.Current.SendDiagnosticMessage(cluster.Logs());
            throw;
        }
    }

    /// <summary>Puts a new key every 20 ms, moving to the next member after any call that was not Ok; keeps the acknowledged keys.</summary>
    private static async Task WriteUntilStoppedAsync(ChaosCluster cluster, List<string> acknowledged, CancellationToken stop)
    {
        int member = 0;
        for (int n = 0; !stop.IsCancellationRequested; n++)
        {
            string key = Prefix + n.ToString("D6", CultureInfo.InvariantCulture);
            IReadOnlyList<ChaosMember> members = cluster.Members;
            try
            {
                var kv = new KV.KVClient(members[member % members.Count].DirectChannel);
                await kv.PutAsync(new PutRequest { Key = ByteString.CopyFromUtf8(key), Value = ByteString.CopyFromUtf8("v") },
                    deadline: ChaosCluster.Deadline(TimeSpan.FromSeconds(3)), cancellationToken: stop);
                lock (acknowledged) acknowledged.Add(key);
            }
            catch (RpcException)
            {
                member++;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            try
            {
                await Task.Delay(20, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The keys the member itself holds (a serializable read: its own applied state, no leader involved).</summary>
    private static async Task<HashSet<string>> LocalKeysAsync(ChaosMember member, CancellationToken ct)
    {
        try
        {
            var kv = new KV.KVClient(member.DirectChannel);
            RangeResponse r = await kv.RangeAsync(new RangeRequest
            {
                Key = ByteString.CopyFromUtf8(Prefix),
                RangeEnd = ByteString.CopyFromUtf8(Prefix[..^1] + "0"),
                KeysOnly = true,
                Serializable = true,
            }, deadline: ChaosCluster.Deadline(TimeSpan.FromSeconds(5)), cancellationToken: ct);
            return [.. r.Kvs.Select(kv => kv.Key.ToStringUtf8())];
        }
        catch (RpcException)
        {
            return [];
        }
    }
}
