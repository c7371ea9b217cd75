namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>How a <see cref="RevisionPick"/> chooses a revision when the operation runs.</summary>
internal enum RevisionPickKind
{
    /// <summary>0: "the current revision" by convention.</summary>
    Zero = 0,
    /// <summary>The current revision, named explicitly.</summary>
    Current,
    /// <summary>A revision from the compaction point to the current one.</summary>
    Retained,
    /// <summary>Any revision from 1 to the current one, compacted or not.</summary>
    Any,
    /// <summary>A revision below the compaction point, when there is one.</summary>
    BelowCompact,
    /// <summary>Exactly the compaction point.</summary>
    AtCompact,
    /// <summary>One or two above the current revision.</summary>
    Future,
    /// <summary>A negative revision (treated as current by ranges).</summary>
    Negative,
}
