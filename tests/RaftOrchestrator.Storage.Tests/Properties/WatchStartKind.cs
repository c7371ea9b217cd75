namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>How a watch's start revision is chosen when it is created.</summary>
internal enum WatchStartKind
{
    /// <summary>0: from the next change.</summary>
    Zero = 0,
    /// <summary>1: the whole history (cancelled as compacted if revision 1 is gone).</summary>
    One,
    /// <summary>A revision from 1 to the current one (maybe compacted).</summary>
    Middle,
    /// <summary>Exactly the compaction point (the oldest revision still readable).</summary>
    AtCompact,
    /// <summary>The current revision.</summary>
    Current,
    /// <summary>The current revision + 1 (a future revision).</summary>
    Next,
    /// <summary>The current revision + 3.</summary>
    Later,
}
