using System.Text;

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>The verdicts of one run, as the report's table and the process exit code.</summary>
public sealed record CheckSummary(IReadOnlyList<CheckVerdict> Verdicts)
{
    public bool AnyFailed => Verdicts.Any(v => v.Status == VerdictStatus.Fail);

    public bool AnyInconclusive => Verdicts.Any(v => v.Status == VerdictStatus.Inconclusive);

    /// <summary>0 when every checker passed, 1 when any failed, 2 when none failed but one could not decide.</summary>
    public int ExitCode => AnyFailed ? 1 : AnyInconclusive ? 2 : 0;

    /// <summary>A plain-text table (checker, verdict, summary), then the excerpt of every failure.</summary>
    public string Format()
    {
        int width = Math.Max("checker".Length, Verdicts.Count == 0 ? 0 : Verdicts.Max(v => v.Checker.Length));
        var sb = new StringBuilder();
        sb.Append("checker".PadRight(width)).Append("  verdict       summary\n");
        foreach (CheckVerdict v in Verdicts)
        {
            sb.Append(v.Checker.PadRight(width)).Append("  ").Append(v.Status.ToString().PadRight(12))
                .Append("  ").Append(v.Summary).Append('\n');
        }
        foreach (CheckVerdict v in Verdicts.Where(v => v.Status == VerdictStatus.Fail && v.Excerpt is not null))
        {
            sb.Append('\n').Append(v.Checker).Append(" failed:\n").Append(v.Excerpt).Append('\n');
        }
        return sb.ToString();
    }
}
