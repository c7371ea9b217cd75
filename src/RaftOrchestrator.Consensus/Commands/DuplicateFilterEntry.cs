namespace RaftOrchestrator.Consensus.Commands;

/// <summary>One client's deduplication window as a snapshot holds it.</summary>
public sealed record DuplicateFilterEntry(ulong ClientId, ulong Floor, long LastIndex, ulong[] Applied);
