namespace RaftOrchestrator.Chaos.History;

/// <summary>
/// The arguments of an operation. Put, Cas and Append use Value (the value written or the element appended); Cas
/// compares either ExpectedValue or ExpectedModRevision (exactly one is set; ExpectedModRevision 0 means "the key is
/// absent"). Get and ReadList take none.
/// </summary>
public sealed record OperationInput(string? Value = null, string? ExpectedValue = null, long? ExpectedModRevision = null)
{
    public static readonly OperationInput None = new();
}
