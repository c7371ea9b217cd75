namespace RaftOrchestrator.Chaos.History;

/// <summary>What the client learnt about an operation.</summary>
public enum OperationOutcome
{
    /// <summary>A response arrived: the operation took effect exactly once, between invoke and return.</summary>
    Ok,

    /// <summary>
    /// A definite failure (the server said it did not happen: a rejected request, a compare failure of a retry loop
    /// that gave up). The operation had no effect; the checkers drop it.
    /// </summary>
    Failed,

    /// <summary>
    /// No answer (timeout, connection lost): the operation may have taken effect at any time after its invoke, or
    /// never. ReturnTime is null and Output is empty.
    /// </summary>
    Unknown,
}
