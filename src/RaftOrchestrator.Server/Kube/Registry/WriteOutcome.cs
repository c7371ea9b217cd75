namespace RaftOrchestrator.Server.Kube.Registry;

/// <summary>A store write's status and, on <see cref="WriteStatus.Ok"/>, the revision it was committed at (the new resourceVersion).</summary>
public readonly record struct WriteOutcome(WriteStatus Status, long Revision);
