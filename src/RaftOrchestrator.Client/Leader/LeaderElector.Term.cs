using RaftOrchestrator.Client.Events;

namespace RaftOrchestrator.Client.Leader;

public sealed partial class LeaderElector
{
    /// <summary>
    /// One term: starts <paramref name="onLeading"/>, renews every RetryPeriod, and ends when the deadline passes,
    /// the Lease moves to another term, the callback returns, or the caller shuts down. The deadline is a timer on
    /// our clock (the term token's own timeout), re-armed after each successful renewal to RenewDeadline after that
    /// renewal's start, so leadership ends on time even when a renewal call hangs.
    /// </summary>
    private async Task LeadAsync(
        LeadershipTerm term, long started, Func<LeadershipTerm, CancellationToken, Task> onLeading,
        CancellationToken cancellationToken)
    {
        TimeSpan remaining = _options.RenewDeadline - _time.GetElapsedTime(started);
        using var termCts = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _time);
        CancellationToken token = termCts.Token;
        // Disposed before termCts (reverse order of the usings), so the callback never sees a disposed source.
        using CancellationTokenRegistration shutdown = cancellationToken.Register(
            static state => ((CancellationTokenSource)state!).Cancel(), termCts);
        _term = term;
        _termCts = termCts;
        LeaderLog.StartedLeading(_logger, term.Identity, term.LeaseTransitions, _options.LeaseNamespace, _options.LeaseName);
        RecordEvent($"{term.Identity} became leader");

        Task leading = RunLeadingAsync(term, onLeading, termCts);
        while (!token.IsCancellationRequested)
        {
            if (!await DelayAsync(_options.RetryPeriod, token))
            {
                break;
            }
            long attemptStarted = _time.GetTimestamp();
            (LeaseAttempt attempt, _) = await TryAcquireOrRenewAsync(term, token);
            if (attempt == LeaseAttempt.Held)
            {
                TimeSpan left = _options.RenewDeadline - _time.GetElapsedTime(attemptStarted);
                if (left > TimeSpan.Zero)
                {
                    termCts.CancelAfter(left);
                }
                else
                {
                    EndTerm(termCts);
                }
            }
            else if (attempt == LeaseAttempt.HeldByOther)
            {
                EndTerm(termCts);
            }
        }
        bool shuttingDown = cancellationToken.IsCancellationRequested;
        LeaderLog.StoppedLeading(_logger, term.Identity, term.LeaseTransitions, shuttingDown);
        await leading;
        RecordEvent($"{term.Identity} stopped leading");
        if (_options.ReleaseOnCancel)
        {
            await ReleaseAsync(term);
        }
    }

    /// <summary>Runs the caller's work off the renewal loop; its return (or failure) ends the term.</summary>
    private async Task RunLeadingAsync(
        LeadershipTerm term, Func<LeadershipTerm, CancellationToken, Task> onLeading, CancellationTokenSource termCts)
    {
        await Task.Yield();
        try
        {
            await onLeading(term, termCts.Token);
        }
        catch (OperationCanceledException) when (termCts.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The caller's failure ends the term and is logged; the elector keeps campaigning.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LeaderLog.LeadingFailed(_logger, exception, term.Identity, term.LeaseTransitions);
        }
        finally
        {
            EndTerm(termCts);
        }
    }

    /// <summary>
    /// Cancels the term's token synchronously: its callbacks (the caller's, which must not block) run before this
    /// returns, so on our clock leadership ends at this instant, not when a thread-pool callback gets round to it.
    /// </summary>
#pragma warning disable CA1849, VSTHRD103 // Synchronous on purpose (above).
    private static void EndTerm(CancellationTokenSource termCts) => termCts.Cancel();
#pragma warning restore CA1849, VSTHRD103

    private void RecordEvent(string message)
    {
        if (_events is not null && _lastLease is { } lease)
        {
            _events.Record(lease, EventTypes.Normal, LeaderElectionReason, message);
        }
    }
}
