using System.Text;
using Etcdserverpb;
using Google.Protobuf;
using Grpc.Core;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests;

/// <summary>A watch that loses its member (kill -9 of the leader) resumes on another member with no gap and no duplicate.</summary>
public sealed class WatchResumeTests
{
    /// <summary>The writes every new cluster makes by itself: four system namespaces and the kubernetes service.</summary>
    private const long SystemWrites = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Watch_LeaderKilledMidStream_ResumedOnAFollowerFromLastRevisionPlusOne_SeesEveryRevisionOnce()
    {
        await using ProcessCluster cluster = await ProcessCluster.StartAsync(3, Ct);
        ProcessMember leader = await cluster.WaitForLeaderAsync(Ct);
        ProcessMember[] followers = [.. cluster.Members.Where(m => m != leader)];
        var events = new List<(string Key, long Revision)>();
        // The replicas create the system namespaces and the kubernetes service (5 writes) at start: wait for
        // them, so every revision after this one is this test's.
        long start = 0;
        await ProcessCluster.WaitUntilAsync(async () =>
        {
            start = (await new KV.KVClient(followers[0].Channel).RangeAsync(new RangeRequest { Key = ByteString.CopyFromUtf8("/w/") },
                deadline: ProcessCluster.Deadline(TimeSpan.FromSeconds(5)), cancellationToken: Ct)).Header.Revision;
            return start >= SystemWrites;
        }, "the system objects", 30, Ct);
        using var watchStop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        Task first = WatchAsync(leader, start + 1, events, watchStop.Token);

        var writer = new Writer(followers, "/w/");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Task load = writer.RunAsync(workers: 4, maxWrites: 100_000, stop.Token);
        await ProcessCluster.WaitUntilAsync(() => Task.FromResult(writer.Acknowledged.Count >= 300), "300 writes", 60, Ct);
        await leader.KillAsync();
        await first;   // the stream breaks with the member
        long resumeFrom;
        lock (events)
        {
            resumeFrom = events.Count == 0 ? start + 1 : events[^1].Revision + 1;
        }
        Task second = WatchAsync(followers[0], resumeFrom, events, watchStop.Token);
        int atKill = writer.Acknowledged.Count;
        await ProcessCluster.WaitUntilAsync(() => Task.FromResult(writer.Acknowledged.Count >= atKill + 300), "writes after the kill", 60, Ct);
        await stop.CancelAsync();
        await load;

        RangeResponse all = await Reads.RetryAsync(() => new KV.KVClient(followers[0].Channel).RangeAsync(
            new RangeRequest { Key = ByteString.CopyFromUtf8("/w/"), RangeEnd = ByteString.CopyFromUtf8("/w0") },
            deadline: ProcessCluster.Deadline(TimeSpan.FromSeconds(10))).ResponseAsync, Ct);
        long last = all.Kvs.Max(kv => kv.ModRevision);
        await ProcessCluster.WaitUntilAsync(() => { lock (events) { return Task.FromResult(events.Count > 0 && events[^1].Revision >= last); } }, "the watch to catch up", 60, Ct);
        await watchStop.CancelAsync();
        await second;

        List<(string Key, long Revision)> seen;
        lock (events)
        {
            seen = [.. events];
        }
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.Revision < p.Second.Revision), "revisions strictly increase: no duplicate, in order");
        // Only this test writes after start, so the revisions are exactly start+1..last: the watch must have seen each once.
        Assert.Equal(Enumerable.Range((int)start + 1, (int)(last - start)).Select(r => (long)r), seen.Select(e => e.Revision));
        Assert.Empty(writer.Acknowledged.Except(seen.Select(e => e.Key)));
    }

    /// <summary>Collects put events on /w/ from <paramref name="from"/> until the member goes away or <paramref name="ct"/> fires.</summary>
    private static async Task WatchAsync(ProcessMember member, long from, List<(string, long)> events, CancellationToken ct)
    {
        using AsyncDuplexStreamingCall<WatchRequest, WatchResponse> call = new Watch.WatchClient(member.Channel).Watch(cancellationToken: ct);
        await call.RequestStream.WriteAsync(new WatchRequest
        {
            CreateRequest = new WatchCreateRequest { Key = ByteString.CopyFromUtf8("/w/"), RangeEnd = ByteString.CopyFromUtf8("/w0"), StartRevision = from },
        }, ct);
        try
        {
            while (await call.ResponseStream.MoveNext(ct))
            {
                WatchResponse response = call.ResponseStream.Current;
                Assert.False(response.Canceled, $"watch canceled: {response.CancelReason}");
                lock (events)
                {
                    events.AddRange(response.Events.Select(e => (Encoding.UTF8.GetString(e.Kv.Key.Span), e.Kv.ModRevision)));
                }
            }
        }
        catch (RpcException)
        {
            // the member died, or the test stopped watching
        }
    }
}
