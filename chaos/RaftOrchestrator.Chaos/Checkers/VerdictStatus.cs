namespace RaftOrchestrator.Chaos.Checkers;

public enum VerdictStatus
{
    Pass,

    /// <summary>The history violates the property; the verdict carries the smallest excerpt that shows it.</summary>
    Fail,

    /// <summary>The checker could not decide (its budget ran out, or the history lacks what it needs).</summary>
    Inconclusive,
}
