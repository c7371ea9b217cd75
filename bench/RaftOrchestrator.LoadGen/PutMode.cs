using Etcdserverpb;

namespace RaftOrchestrator.LoadGen;

/// <summary><c>put</c> and <c>fill</c>: a closed loop of puts of distinct keys.</summary>
internal static class PutMode
{
    public static async Task<int> RunAsync(RunSettings settings, string opName, CancellationToken cancellationToken)
    {
        using var clients = await KvClients.ConnectAsync(settings, cancellationToken);
        var keys = new KeySpace(settings.Prefix, settings.ValueSize);
        var warm = new KeySpace(settings.Prefix + "warm/", settings.ValueSize);

        Task<bool> PutAsync(KeySpace space, int worker, int op, CancellationToken ct) =>
            PutOneAsync(clients.ForWorker(worker), space, op, settings.Timeout, ct);

        var warmup = await ClosedLoop.RunAsync(
            settings.Clients, settings.Warmup, settings.MaxDuration,
            (w, op, ct) => PutAsync(warm, w, op, ct), cancellationToken);

        var cpu = CpuClock.Start();
        var result = await ClosedLoop.RunAsync(
            settings.Clients, settings.Total, settings.MaxDuration,
            (w, op, ct) => PutAsync(keys, w, op, ct), cancellationToken);
        var line = new ResultLine("RESULT")
            .Add("op", opName)
            .Add("clients", settings.Clients)
            .Add("conns", clients.Conns)
            .Add("target", clients.TargetName)
            .Add("value_size", settings.ValueSize)
            .Add("ops", result.Ops)
            .Add("seconds", result.Elapsed.TotalSeconds)
            .Add("ops_per_s", result.OpsPerSecond, 1)
            .AddLatency(string.Empty, result.Latency)
            .Add("errors", result.Errors)
            .Add("warmup_errors", warmup.Errors)
            .Add("loadgen_cpu_s", cpu.ElapsedSeconds());
        Console.WriteLine(line);
        ReportFirstError(result);
        return result.Errors == 0 && result.Ops == settings.Total ? 0 : 1;
    }

    public static async Task<bool> PutOneAsync(
        KV.KVClient client, KeySpace keys, int index, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var request = new PutRequest { Key = keys.Key(index), Value = keys.Value };
        await client.PutAsync(request, deadline: UnixClock.Deadline(timeout), cancellationToken: cancellationToken);
        return true;
    }

    public static void ReportFirstError(LoopResult result)
    {
        if (result.FirstError is not null)
        {
            Console.Error.WriteLine($"first error: {result.FirstError}");
        }
    }
}
