namespace RaftOrchestrator.Testing;

/// <summary>One version of one key: its MessagePack encoding (resourceVersion not set), or null for a deletion.</summary>
internal readonly record struct StoredVersion(long Revision, byte[]? Bytes)
{
    public bool IsTombstone => Bytes is null;
}
