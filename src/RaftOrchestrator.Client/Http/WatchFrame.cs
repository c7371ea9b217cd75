namespace RaftOrchestrator.Client.Http;

/// <summary>What a watch decoder found at the start of the buffer.</summary>
internal enum WatchFrame
{
    /// <summary>Not a whole frame yet: read more.</summary>
    Incomplete = 0,
    /// <summary>One event, consumed from the buffer.</summary>
    Event,
    /// <summary>Bytes that are no frame; the event is an Error with a 500 Status, and the stream ends.</summary>
    Malformed,
}
