namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>A read of a key or range at a revision, with etcd's RangeRequest options.</summary>
/// <param name="Range">The keys to read.</param>
public readonly record struct RangeRequest(KeyRange Range)
{
    /// <summary>The revision to read at; 0 reads at the current revision.</summary>
    public long Revision { get; init; }

    /// <summary>At most this many key-values are returned; 0 is no limit. Count still counts them all.</summary>
    public long Limit { get; init; }

    public bool CountOnly { get; init; }

    public bool KeysOnly { get; init; }

    public SortOrder SortOrder { get; init; }

    public SortTarget SortTarget { get; init; }

    /// <summary>Filters on the version read; 0 means no bound.</summary>
    public long MinModRevision { get; init; }

    public long MaxModRevision { get; init; }

    public long MinCreateRevision { get; init; }

    public long MaxCreateRevision { get; init; }
}
