using System.Diagnostics;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// The M pod creates of a case, as fast as a fixed number of requests in flight allows (scheduler_perf's
/// createPods has a client create them in parallel). Each pod is created once; a failure is counted and the first
/// three are noted, not retried (a retried create would measure the retry policy).
/// </summary>
internal sealed class PodCreates(KubeCalls api, PodShape shape, byte[][] bodies, int concurrency, string what, Action<string> note)
{
    private int _next = -1;
    private int _created;
    private int _errors;
    private long _start;
    private long _end;

    public int Created => Volatile.Read(ref _created);

    public int Errors => Volatile.Read(ref _errors);

    /// <summary>When the last create was answered (0 while running).</summary>
    public long EndTimestamp => Volatile.Read(ref _end);

    /// <summary>First create sent → last create answered.</summary>
    public double Seconds => _end == 0 ? 0 : (double)(_end - _start) / Stopwatch.Frequency;

    public async Task RunAsync(CancellationToken ct)
    {
        _start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, bodies.Length)).Select(_ => CreateLoopAsync(ct)));
        Volatile.Write(ref _end, Stopwatch.GetTimestamp());
    }

    private async Task CreateLoopAsync(CancellationToken ct)
    {
        int i;
        while ((i = Interlocked.Increment(ref _next)) < bodies.Length)
        {
            CallResult result = await api.CreatePodAsync(PodBodies.Namespace(shape, i), bodies[i], ct);
            if (result.Ok)
            {
                Interlocked.Increment(ref _created);
            }
            else if (Interlocked.Increment(ref _errors) <= 3)
            {
                note($"create of {what} #{i} failed: {result.Error}");
            }
        }
    }
}
