namespace RaftOrchestrator.Chaos.Cluster.Cluster;

/// <summary>How the suite's cluster is started.</summary>
public sealed record ClusterOptions
{
    /// <summary>3 or 5 members (any positive count works; the issue asks for these two).</summary>
    public int Size { get; init; } = 3;

    /// <summary>Where data directories and logs go; a new temporary directory when null.</summary>
    public string? Root { get; init; }

    /// <summary>rorch.dll; found from the build output when null (<see cref="RorchBinary"/>).</summary>
    public string? RorchDll { get; init; }

    /// <summary>Extra `rorch server` flags for every member (e.g. "--election-timeout", "600").</summary>
    public IReadOnlyList<string> ExtraArgs { get; init; } = [];

    /// <summary>Seed of the proxies' randomness (jitter, drops).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Bound of each wait for a member to start or join.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
