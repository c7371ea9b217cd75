namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>
/// One checker's verdict: Pass, Fail with a printable excerpt of the history, or Inconclusive with the reason.
/// Summary is one line for the report table.
/// </summary>
public sealed record CheckVerdict(string Checker, VerdictStatus Status, string Summary, string? Excerpt = null)
{
    public static CheckVerdict Pass(string checker, string summary) => new(checker, VerdictStatus.Pass, summary);

    public static CheckVerdict Fail(string checker, string summary, string excerpt) =>
        new(checker, VerdictStatus.Fail, summary, excerpt);

    public static CheckVerdict Inconclusive(string checker, string reason) =>
        new(checker, VerdictStatus.Inconclusive, reason);

    public override string ToString() =>
        Excerpt is null ? $"{Checker}: {Status} — {Summary}" : $"{Checker}: {Status} — {Summary}\n{Excerpt}";
}
