namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>How a binding ended, as the driver acts on it.</summary>
public enum BindOutcomeKind
{
    /// <summary>spec.nodeName is set: the assumed pod stays counted until the informer confirms it.</summary>
    Bound,

    /// <summary>The store refused it (the node no longer fits, a conflict, a lost fence): forget and retry with backoff.</summary>
    Refused,

    /// <summary>The pod is gone, terminating or bound elsewhere: forget; the informer brings the truth.</summary>
    Gone,

    /// <summary>The call failed (unreachable, overloaded, an error): forget and retry with backoff.</summary>
    Failed,
}

/// <summary>The outcome of one binding, with the server's message when it was not bound.</summary>
public readonly record struct BindOutcome(BindOutcomeKind Kind, string? Message = null)
{
    public static BindOutcome Bound { get; } = new(BindOutcomeKind.Bound);

    public bool IsBound => Kind == BindOutcomeKind.Bound;

    public override string ToString() => Message is null ? Kind.ToString() : $"{Kind}: {Message}";
}
