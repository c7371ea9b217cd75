using System.Diagnostics;
using Grpc.Core;

namespace RaftOrchestrator.LoadGen;

/// <summary>
/// N workers that each issue one operation at a time until <c>total</c> operations were taken or the time cap
/// passed. An operation returns false for a bad read and throws <see cref="RpcException"/> on error.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>How long operations still in flight at the time cap may take before they are cancelled.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

    public static async Task<LoopResult> RunAsync(
        int workers,
        int total,
        TimeSpan maxDuration,
        Func<int, int, CancellationToken, Task<bool>> operation,
        CancellationToken cancellationToken)
    {
        var latencies = new long[total];
        var next = -1;
        var errors = 0;
        var bad = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();

        // Requests carry no deadline of their own (unless --timeout-ms): this one cap bounds the whole loop.
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(maxDuration + GracePeriod);
        var token = guard.Token;

        async Task WorkerAsync(int worker)
        {
            while (!token.IsCancellationRequested && clock.Elapsed < maxDuration)
            {
                var op = Interlocked.Increment(ref next);
                if (op >= total)
                {
                    return;
                }

                var start = Stopwatch.GetTimestamp();
                try
                {
                    if (!await operation(worker, op, token))
                    {
                        Interlocked.Increment(ref bad);
                    }

                    latencies[op] = Math.Max(1, Stopwatch.GetTimestamp() - start);
                }
                catch (RpcException ex)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"{ex.StatusCode}: {ex.Status.Detail}", null);
                }
            }
        }

        var tasks = new Task[Math.Max(1, workers)];
        for (var w = 0; w < tasks.Length; w++)
        {
            var worker = w;
            tasks[w] = Task.Run(() => WorkerAsync(worker), cancellationToken);
        }

        await Task.WhenAll(tasks);
        clock.Stop();
        var done = latencies.Where(t => t > 0).Select(t => t * 1_000.0 / Stopwatch.Frequency).ToArray();
        return new LoopResult(LatencySummary.Of(done), done.Length, errors, bad, clock.Elapsed, firstError);
    }
}
