namespace RaftOrchestrator.Chaos.History;

public enum WatchRecordKind
{
    /// <summary>
    /// The watcher (re)opened its stream on Key (a prefix when IsPrefix) from StartRevision. The first record of
    /// every watcher; after an error the recorder reconnects from the last seen revision + 1.
    /// </summary>
    Connect,

    /// <summary>One event of a watch response: Key, ModRevision, Type and Value; Revision is the response header's.</summary>
    Event,

    /// <summary>
    /// A progress notification (or the end-of-run sync): the server says the stream has delivered every event up to
    /// Revision. It extends what the gap check may demand of the stream.
    /// </summary>
    Progress,

    /// <summary>The server cancelled the stream because StartRevision was compacted: CompactRevision is reported.</summary>
    Compacted,

    /// <summary>The stream broke (any other error); a Connect follows if the watcher goes on.</summary>
    Error,
}
