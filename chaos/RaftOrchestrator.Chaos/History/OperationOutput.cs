namespace RaftOrchestrator.Chaos.History;

/// <summary>
/// What an Ok operation returned. Revision is the revision of a write (the response header revision of a put or of a
/// successful txn); ModRevision is the mod revision of the key a read returned (0 when absent). Any of them may be
/// null when the client did not record it; the checkers then check less, never more.
/// </summary>
public sealed record OperationOutput(
    string? Value = null,
    long? Revision = null,
    long? ModRevision = null,
    bool? Succeeded = null,
    IReadOnlyList<string>? Elements = null);
