using System.Diagnostics;

namespace RaftOrchestrator.ApiBench;

/// <summary>
/// N workers, each sending its next request as soon as the previous one is answered. First
/// <c>warmup</c> untimed operations (JIT, connection set-up), then the timed part, which ends at
/// <c>maxOps</c> operations or after <c>duration</c>, whichever comes first. Latency is measured per
/// operation with <see cref="Stopwatch"/>; failed operations count as errors and are left out of the latencies.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>One operation: its sequence number (unique across workers) to the error, or null on success.</summary>
    public delegate Task<string?> Operation(long seq, CancellationToken ct);

    public static async Task<LoopResult> RunAsync(int clients, int warmup, TimeSpan duration, int maxOps, Operation op,
        CancellationToken ct)
    {
        long next = -1;
        if (warmup > 0)
        {
            long warmupLeft = warmup;
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
            {
                while (Interlocked.Decrement(ref warmupLeft) >= 0 && !ct.IsCancellationRequested)
                {
                    await op(Interlocked.Increment(ref next), ct);
                }
            }));
        }
        long budget = maxOps;
        int errors = 0;
        string? firstError = null;
        var latencies = new List<double>[clients];
        long start = Stopwatch.GetTimestamp();
        long end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(1024);
            while (Stopwatch.GetTimestamp() < end && Interlocked.Decrement(ref budget) >= 0 && !ct.IsCancellationRequested)
            {
                long t0 = Stopwatch.GetTimestamp();
                string? error = await op(Interlocked.Increment(ref next), ct);
                if (error is null)
                {
                    mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                }
            }
        }));
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        ct.ThrowIfCancellationRequested();
        LatencySummary summary = LatencySummary.Of(latencies.SelectMany(l => l));
        return new LoopResult(summary.Count, errors, firstError, seconds, summary);
    }
}
