namespace RaftOrchestrator.Agent.Sim;

/// <summary>How the simulated runtime behaves: start latency, failures, stop time, and whether it writes a log line.</summary>
public sealed record SimRuntimeOptions
{
    /// <summary>How long StartContainer takes (the image pull and start a real runtime would do), sampled per start.</summary>
    public SimLatency StartLatency { get; init; } = SimLatency.Zero;

    /// <summary>Chance that a started container fails: it runs for <see cref="FailAfter"/>, then exits with code 1.</summary>
    public double FailureRate { get; init; }

    public TimeSpan FailAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Chance that an exec (an exec probe) answers exit code 1 instead of 0.</summary>
    public double ExecFailureRate { get; init; }

    /// <summary>
    /// How long a container takes to exit after SIGTERM. Within the grace period it exits 0 (it handled the
    /// signal); past it, it is killed at the end of the grace period with 137 (SIGKILL).
    /// </summary>
    public TimeSpan StopLatency { get; init; }

    /// <summary>Write one CRI-format line per container start to its log file (so `kubectl logs` shows something).</summary>
    public bool WriteLogs { get; init; } = true;

    public int Seed { get; init; } = 1;

    public void Validate()
    {
        if (FailureRate is < 0 or > 1 || ExecFailureRate is < 0 or > 1)
        {
            throw new ArgumentException("failure rates must be between 0 and 1");
        }
        if (FailAfter < TimeSpan.Zero || StopLatency < TimeSpan.Zero)
        {
            throw new ArgumentException("durations must not be negative");
        }
    }
}
