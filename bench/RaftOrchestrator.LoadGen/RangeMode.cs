using Etcdserverpb;

namespace RaftOrchestrator.LoadGen;

/// <summary><c>range</c>: writes --keys keys, then single-key gets among them, checking each value's length.</summary>
internal static class RangeMode
{
    public static async Task<int> RunAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        using var clients = await KvClients.ConnectAsync(settings, cancellationToken);
        var keys = new KeySpace(settings.Prefix, settings.ValueSize);

        var fill = await ClosedLoop.RunAsync(
            settings.Clients, settings.Keys, settings.MaxDuration,
            (w, op, ct) => PutMode.PutOneAsync(clients.ForWorker(w), keys, op, settings.Timeout, ct),
            cancellationToken);
        if (fill.Ops != settings.Keys)
        {
            await Console.Error.WriteLineAsync($"range: only {fill.Ops} of {settings.Keys} keys written");
            PutMode.ReportFirstError(fill);
            return 2;
        }

        Task<bool> GetAsync(int worker, int op, CancellationToken ct) =>
            GetOneAsync(clients.ForWorker(worker), keys, op % settings.Keys, settings, ct);

        var warmup = await ClosedLoop.RunAsync(
            settings.Clients, settings.Warmup, settings.MaxDuration, GetAsync, cancellationToken);
        var cpu = CpuClock.Start();
        var result = await ClosedLoop.RunAsync(
            settings.Clients, settings.Total, settings.MaxDuration, GetAsync, cancellationToken);
        var line = new ResultLine("RESULT")
            .Add("op", "range")
            .Add("clients", settings.Clients)
            .Add("conns", clients.Conns)
            .Add("target", clients.TargetName)
            .Add("serializable", settings.Serializable ? "true" : "false")
            .Add("ops", result.Ops)
            .Add("seconds", result.Elapsed.TotalSeconds)
            .Add("ops_per_s", result.OpsPerSecond, 1)
            .AddLatency(string.Empty, result.Latency)
            .Add("errors", result.Errors)
            .Add("bad_reads", result.BadReads)
            .Add("warmup_errors", warmup.Errors)
            .Add("loadgen_cpu_s", cpu.ElapsedSeconds());
        Console.WriteLine(line);
        PutMode.ReportFirstError(result);
        return result.Errors == 0 && result.BadReads == 0 && result.Ops == settings.Total ? 0 : 1;
    }

    private static async Task<bool> GetOneAsync(
        KV.KVClient client, KeySpace keys, int index, RunSettings settings, CancellationToken cancellationToken)
    {
        var request = new RangeRequest { Key = keys.Key(index), Serializable = settings.Serializable };
        var response = await client.RangeAsync(
            request, deadline: UnixClock.Deadline(settings.Timeout), cancellationToken: cancellationToken);
        return response.Kvs.Count == 1 && response.Kvs[0].Value.Length == keys.Value.Length;
    }
}
