namespace RaftOrchestrator.Api.Selectors;

/// <summary>The operators of a label requirement (apimachinery selection.Operator).</summary>
public enum LabelSelectorOperator
{
    /// <summary><c>a=b</c>.</summary>
    Equals,

    /// <summary><c>a==b</c>: the same test as <see cref="Equals"/>, kept apart so the string form round-trips.</summary>
    DoubleEquals,

    /// <summary><c>a!=b</c>: also true when the label is absent.</summary>
    NotEquals,

    /// <summary><c>a in (x,y)</c>.</summary>
    In,

    /// <summary><c>a notin (x,y)</c>: also true when the label is absent.</summary>
    NotIn,

    /// <summary><c>a</c>.</summary>
    Exists,

    /// <summary><c>!a</c>.</summary>
    DoesNotExist,

    /// <summary><c>a&gt;5</c>: the label's value and the requirement's are compared as 64-bit integers.</summary>
    GreaterThan,

    /// <summary><c>a&lt;5</c>.</summary>
    LessThan,
}
