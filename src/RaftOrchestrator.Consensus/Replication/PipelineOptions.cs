namespace RaftOrchestrator.Consensus.Replication;

/// <summary>Bounds of proposal batching.</summary>
public sealed record PipelineOptions
{
    /// <summary>
    /// Proposals in flight at once. One keeps latency lowest at low load; more let DotNext's group commit
    /// (one flush for every entry appended meanwhile) overlap rounds under load.
    /// </summary>
    public int MaxInflight { get; init; } = 4;

    /// <summary>Upper bound of one entry (a batch), in bytes; a single larger command still goes alone.</summary>
    public int MaxEntryBytes { get; init; } = 2 << 20;

    /// <summary>Upper bound of commands per entry.</summary>
    public int MaxCommandsPerEntry { get; init; } = 4_096;

    /// <summary>A larger command is refused (etcd's --max-request-bytes is 1.5 MiB).</summary>
    public int MaxCommandBytes { get; init; } = (3 << 20) / 2 + 4096;
}
