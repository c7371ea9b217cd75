namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>The linearizability verdict and the per-key results behind it (failing keys first).</summary>
public sealed record LinearizabilityResult(CheckVerdict Verdict, IReadOnlyList<KeyCheckResult> Keys)
{
    public long Steps => Keys.Sum(k => k.Steps);
}
