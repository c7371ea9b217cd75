namespace RaftOrchestrator.Api.Selectors;

/// <summary>A token of the label selector grammar.</summary>
internal enum LabelSelectorToken
{
    EndOfString,
    ClosedPar,
    Comma,
    DoesNotExist,
    DoubleEquals,
    Equals,
    GreaterThan,
    Identifier,
    In,
    LessThan,
    NotEquals,
    NotIn,
    OpenPar,
}
