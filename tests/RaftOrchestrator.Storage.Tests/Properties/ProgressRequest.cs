namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>A bookmark asked for on a stream: the store's revision then, and how many watches had been created.</summary>
internal sealed record ProgressRequest(long Revision, int WatchesCreated);
