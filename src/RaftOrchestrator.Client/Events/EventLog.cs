namespace RaftOrchestrator.Client.Events;

/// <summary>The last write of one correlation key: the Event's name, count and first time, and when it last occurred.</summary>
internal sealed record EventLog(string Name, string? ResourceVersion, int Count, DateTime? FirstTimestamp, DateTime LastSeen);
