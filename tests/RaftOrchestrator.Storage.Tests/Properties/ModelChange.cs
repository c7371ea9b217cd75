namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>One change of a revision: a put of <see cref="Value"/> under <see cref="Lease"/>, or a delete.</summary>
internal sealed record ModelChange(string Key, bool IsDelete, string Value, long Lease);
