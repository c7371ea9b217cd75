namespace RaftOrchestrator.Agent.Logs;

/// <summary>What to read of a container log (the kubelet's log options behind `kubectl logs`).</summary>
public sealed record CriLogReadOptions
{
    /// <summary>How often a follower looks for more output at the end of the file.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Each line starts with its timestamp and a space (`kubectl logs --timestamps`).</summary>
    public bool Timestamps { get; init; }

    /// <summary>Only the last N lines (`--tail`); null for all. A line cut into partial records counts once.</summary>
    public long? TailLines { get; init; }

    /// <summary>Only records written at or after this time (`--since`, `--since-time`).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Stop after this many bytes of output (`--limit-bytes`).</summary>
    public long? LimitBytes { get; init; }

    /// <summary>Keep reading as the file grows (`-f`) until cancelled or the writer is done.</summary>
    public bool Follow { get; init; }

    public TimeSpan PollInterval { get; init; } = DefaultPollInterval;
}
