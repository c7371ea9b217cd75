using System.Diagnostics;
using System.Globalization;
using Etcdserverpb;
using Grpc.Core;

namespace RaftOrchestrator.LoadGen;

/// <summary>
/// <c>failover</c>: puts in a loop with a per-put deadline, starting on the --target endpoint; on an error it moves
/// to the next endpoint after 5 ms. Every attempt is logged with unix-µs timestamps so that a script can measure
/// kill → first acknowledged put. It exits --exit-after-recovery-ms after the first success that follows a failure.
/// </summary>
internal static class FailoverMode
{
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        var start = await ClusterStatus.ResolveTargetAsync(settings, cancellationToken);
        using var channels = new ChannelSet();
        var clients = settings.Endpoints.Select(e => new KV.KVClient(channels.Add(e))).ToArray();
        var keys = new KeySpace(settings.Prefix, settings.ValueSize);
        await using var log = OpenLog(settings.LogPath);
        await log.WriteLineAsync("# start_us end_us endpoint result member_id code detail");

        var current = Math.Max(0, start);
        var clock = Stopwatch.StartNew();
        var (ok, failed) = (0, 0);
        var sawFailure = false;
        TimeSpan? recovered = null;
        var attempt = 0;
        for (; attempt < settings.MaxOps && clock.Elapsed < settings.MaxDuration; attempt++)
        {
            if (recovered is { } at && clock.Elapsed - at >= settings.ExitAfterRecovery)
            {
                break;
            }

            var endpoint = settings.Endpoints[current];
            var request = new PutRequest { Key = keys.Key(attempt), Value = keys.Value };
            var startUs = UnixClock.NowMicros();
            try
            {
                var deadline = UnixClock.Deadline(settings.TimeoutOr(s_defaultTimeout));
                var response = await clients[current].PutAsync(
                    request, deadline: deadline, cancellationToken: cancellationToken);
                var member = (response.Header?.MemberId ?? 0).ToString("x", CultureInfo.InvariantCulture);
                await log.WriteLineAsync(Line(startUs, endpoint, "ok", member, "OK", "-"));
                ok++;
                if (sawFailure && recovered is null)
                {
                    recovered = clock.Elapsed;
                }
            }
            catch (RpcException ex)
            {
                var detail = ex.Status.Detail.ReplaceLineEndings(" ");
                await log.WriteLineAsync(Line(startUs, endpoint, "err", "-", ex.StatusCode.ToString(), detail));
                failed++;
                sawFailure |= ok > 0;
                current = (current + 1) % clients.Length;
                await Task.Delay(s_retryDelay, cancellationToken);
            }
        }

        Console.WriteLine(new ResultLine("RESULT")
            .Add("op", "failover")
            .Add("attempts", attempt)
            .Add("ok", ok)
            .Add("errors", failed)
            .Add("recovered", recovered is null ? "false" : "true")
            .Add("seconds", clock.Elapsed.TotalSeconds));
        return 0;
    }

    private static string Line(long startUs, string endpoint, string result, string member, string code,
        string detail) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{startUs} {UnixClock.NowMicros()} {endpoint} {result} {member} {code} {detail}");

    private static StreamWriter OpenLog(string? path) =>
        path is null
            ? new StreamWriter(Stream.Null)
            : new StreamWriter(path, append: false) { AutoFlush = true };
}
