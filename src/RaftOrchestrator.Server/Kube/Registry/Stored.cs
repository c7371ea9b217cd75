namespace RaftOrchestrator.Server.Kube.Registry;

/// <summary>An object as read from the store: decoded (resourceVersion set), its mod revision and its stored bytes.</summary>
public sealed record Stored<T>(T Value, long Revision, ReadOnlyMemory<byte> Bytes);
