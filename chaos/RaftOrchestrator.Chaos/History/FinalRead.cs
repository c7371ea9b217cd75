namespace RaftOrchestrator.Chaos.History;

/// <summary>
/// A key's state read once after the faults stopped and the cluster recovered (a linearizable get from a healthy
/// member). Value is null when the key is absent; a list key carries its decoded Elements.
/// </summary>
public sealed record FinalRead(string Key, string? Value, long ModRevision, IReadOnlyList<string>? Elements = null);
