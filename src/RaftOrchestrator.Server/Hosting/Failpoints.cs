using System.Diagnostics;
using System.Globalization;

namespace RaftOrchestrator.Server.Hosting;

/// <summary>
/// Crash points for the durability tests, off unless the hidden flags set them: after the configured number
/// of acknowledged writes, SIGKILL the processes listed in a file (the other members), then this process,
/// within microseconds of the acknowledgement, which is the only moment a lost-acknowledgement bug shows
/// (shared/docs/research/dotnext-durability.md §5). Counts writes acknowledged by this member only.
/// </summary>
public sealed class Failpoints(long killAfterAcks, string? pidsFile)
{
    private long _acks;

    public static Failpoints None { get; } = new(0, null);

    /// <summary>Called once a write is applied and about to be answered.</summary>
    public void Acknowledged()
    {
        if (killAfterAcks <= 0 || Interlocked.Increment(ref _acks) != killAfterAcks)
        {
            return;
        }
        if (pidsFile is not null && File.Exists(pidsFile))
        {
            foreach (string line in File.ReadAllLines(pidsFile))
            {
                if (int.TryParse(line.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && pid != Environment.ProcessId)
                {
                    try
                    {
                        using var process = Process.GetProcessById(pid);
                        process.Kill();
                    }
                    catch (ArgumentException)
                    {
                        // already gone
                    }
                }
            }
        }
        using Process self = Process.GetCurrentProcess();
        self.Kill();
    }
}
