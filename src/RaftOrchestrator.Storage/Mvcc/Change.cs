namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// One change committed by a write transaction, handed to the <see cref="IChangeListener"/>:
/// the key, the version written (a put or a tombstone) and the live version it replaced, if any.
/// </summary>
internal readonly record struct Change(KeyIndex Key, KeyVersion Version, KeyVersion Previous, bool HasPrevious);
