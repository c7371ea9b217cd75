using System.Diagnostics;
using Etcdserverpb;
using Grpc.Core;

namespace RaftOrchestrator.LoadGen;

/// <summary>
/// <c>watch</c>: one writer puts --total keys one after another to the leader under a fresh prefix; a prefix watcher
/// on the leader and one on a follower, both created before the first put, timestamp each event.
/// </summary>
internal static class WatchMode
{
    public static async Task<int> RunAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        // Puts carry no deadline of their own (unless --timeout-ms): this one cap bounds the whole run.
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter((2 * settings.MaxDuration) + ClosedLoop.GracePeriod);
        return await RunGuardedAsync(settings, guard.Token);
    }

    private static async Task<int> RunGuardedAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        var statuses = await ClusterStatus.QueryAsync(settings.Endpoints, TimeSpan.FromSeconds(2), cancellationToken);
        var leader = Math.Max(0, ClusterStatus.LeaderIndex(statuses));
        var follower = Enumerable.Range(0, settings.Endpoints.Count).Where(i => i != leader).Cast<int?>()
            .FirstOrDefault();

        using var channels = new ChannelSet();
        var writer = new KV.KVClient(channels.Add(settings.Endpoints[leader]));
        var keys = new KeySpace(settings.Prefix + "watch/", settings.ValueSize);
        var warm = new KeySpace(settings.Prefix + "warm/", settings.ValueSize);
        var recorders = new List<WatchRecorder>();
        try
        {
            var roles = new List<(string Role, int Index)> { ("leader", leader) };
            if (follower is int f)
            {
                roles.Add(("follower", f));
            }

            foreach (var (role, index) in roles)
            {
                var endpoint = settings.Endpoints[index];
                var createTimeout = settings.TimeoutOr(TimeSpan.FromSeconds(10));
                var client = new Watch.WatchClient(channels.Add(endpoint));
                recorders.Add(await WatchRecorder.StartAsync(
                    role, endpoint, client, keys, settings.Total, createTimeout, cancellationToken));
            }

            for (var i = 0; i < settings.Warmup; i++)
            {
                await PutMode.PutOneAsync(writer, warm, i, settings.Timeout, cancellationToken);
            }

            return await MeasureAsync(settings, writer, keys, recorders, cancellationToken);
        }
        finally
        {
            foreach (var recorder in recorders)
            {
                recorder.Dispose();
            }
        }
    }

    private static async Task<int> MeasureAsync(RunSettings settings, KV.KVClient writer, KeySpace keys,
        List<WatchRecorder> recorders, CancellationToken cancellationToken)
    {
        var sent = new long[settings.Total];
        var acked = new long[settings.Total];
        var clock = Stopwatch.StartNew();
        var puts = 0;
        var errors = 0;
        for (var i = 0; i < settings.Total && clock.Elapsed < settings.MaxDuration; i++)
        {
            sent[i] = Stopwatch.GetTimestamp();
            try
            {
                await PutMode.PutOneAsync(writer, keys, i, settings.Timeout, cancellationToken);
                acked[i] = Stopwatch.GetTimestamp();
                puts++;
            }
            catch (RpcException ex)
            {
                errors++;
                await Console.Error.WriteLineAsync($"watch put {i}: {ex.StatusCode}: {ex.Status.Detail}");
            }
        }

        var putSeconds = clock.Elapsed.TotalSeconds;
        var wait = TimeSpan.FromSeconds(Math.Min(30, settings.MaxDuration.TotalSeconds));
        var complete = true;
        foreach (var recorder in recorders)
        {
            complete &= await recorder.WaitAllAsync(wait, cancellationToken);
        }

        foreach (var recorder in recorders)
        {
            Console.WriteLine(Summarize(recorder, sent, acked));
        }

        var putLatency = LatencySummary.Of(Enumerable.Range(0, settings.Total).Where(i => acked[i] > 0)
            .Select(i => Millis(acked[i] - sent[i])));
        Console.WriteLine(new ResultLine("RESULT")
            .Add("op", "watch")
            .Add("puts", puts)
            .Add("seconds", putSeconds)
            .AddLatency("put_", putLatency)
            .Add("watchers", recorders.Count)
            .Add("complete", complete ? "true" : "false")
            .Add("errors", errors));
        return complete && errors == 0 && puts == settings.Total ? 0 : 1;
    }

    private static ResultLine Summarize(WatchRecorder recorder, long[] sent, long[] acked)
    {
        var afterAck = new List<double>();
        var afterSend = new List<double>();
        var beforeAck = 0;
        for (var i = 0; i < sent.Length; i++)
        {
            var arrival = recorder.ArrivalOf(i);
            if (arrival == 0 || acked[i] == 0)
            {
                continue;
            }

            afterAck.Add(Millis(arrival - acked[i]));
            afterSend.Add(Millis(arrival - sent[i]));
            beforeAck += arrival < acked[i] ? 1 : 0;
        }

        var ack = LatencySummary.Of(afterAck);
        var send = LatencySummary.Of(afterSend);
        return new ResultLine("WATCH")
            .Add("watcher", recorder.Role)
            .Add("endpoint", recorder.Endpoint)
            .Add("events", recorder.Received)
            .Add("expected", sent.Length)
            .Add("unexpected", recorder.Foreign)
            .Add("ack_to_event_p50_ms", ack.P50)
            .Add("ack_to_event_p99_ms", ack.P99)
            .Add("ack_to_event_max_ms", ack.Max)
            .Add("send_to_event_p50_ms", send.P50)
            .Add("send_to_event_p99_ms", send.P99)
            .Add("send_to_event_max_ms", send.Max)
            .Add("events_before_ack", beforeAck);
    }

    private static double Millis(long ticks) => ticks * 1_000.0 / Stopwatch.Frequency;
}
