using System.Diagnostics;

namespace RaftOrchestrator.LoadGen;

/// <summary>CPU time this process spent since <see cref="Start"/>.</summary>
internal readonly struct CpuClock
{
    private readonly TimeSpan _start;

    private CpuClock(TimeSpan start) => _start = start;

    public static CpuClock Start() => new(Now());

    public double ElapsedSeconds() => (Now() - _start).TotalSeconds;

    private static TimeSpan Now()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
