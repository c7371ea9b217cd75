namespace RaftOrchestrator.Client.Queues;

/// <summary>A taken key, or none (<see cref="HasItem"/> false) when the queue shut down.</summary>
public readonly record struct QueueItem<TKey>(bool HasItem, TKey Key);
