namespace RaftOrchestrator.Testing;

/// <summary>One change of the event log: previous null is a creation, current null a deletion.</summary>
internal readonly record struct StoredChange(long Revision, byte[]? Current, byte[]? Previous);
