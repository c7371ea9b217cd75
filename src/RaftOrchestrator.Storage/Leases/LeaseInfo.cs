namespace RaftOrchestrator.Storage.Leases;

/// <summary>A lease as data: its id, its granted TTL and the keys attached to it (sorted, when asked for).</summary>
public readonly record struct LeaseInfo(long Id, long TtlSeconds, int KeyCount);
