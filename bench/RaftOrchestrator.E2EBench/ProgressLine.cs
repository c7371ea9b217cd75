namespace RaftOrchestrator.E2EBench;

/// <summary>
/// The progress bar on standard error: redrawn in place on a terminal; when standard error is redirected, a plain
/// line every <see cref="s_redirectedEvery"/> so a log stays short.
/// </summary>
internal sealed class ProgressLine
{
    private static readonly TimeSpan s_redirectedEvery = TimeSpan.FromSeconds(2);
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private long _lastPrinted;
    private int _width;

    public void Draw(PodCounts counts, int total, double seconds)
    {
        long now = TimeProvider.System.GetTimestamp();
        if (!_terminal && _lastPrinted != 0 && TimeProvider.System.GetElapsedTime(_lastPrinted, now) < s_redirectedEvery)
        {
            return;
        }
        _lastPrinted = now;
        const int BarWidth = 30;
        int filled = total == 0 ? 0 : (int)Math.Round(BarWidth * Math.Min(1.0, counts.Ready / (double)total));
        double rate = seconds > 0 ? counts.Ready / seconds : 0;
        string line = FormattableString.Invariant(
            $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {counts.Ready:N0}/{total:N0} ready  pending {counts.Pending:N0}  scheduled {counts.Scheduled:N0}  {rate:N0} pods/s  {seconds:0.0} s");
        if (_terminal)
        {
            Console.Error.Write("\r" + line.PadRight(_width));
            _width = line.Length;
        }
        else
        {
            Console.Error.WriteLine(line);
        }
    }

    /// <summary>Ends the redrawn line, so what follows starts on a fresh one.</summary>
    public void Finish()
    {
        if (_terminal && _width > 0)
        {
            Console.Error.WriteLine();
            _width = 0;
        }
    }
}
