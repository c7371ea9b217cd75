using RaftOrchestrator.Chaos.Checkers;
using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Tests;

public sealed class WatchCheckerTests
{
    /// <summary>Acknowledged puts of k=v{rev} at revisions 2..6.</summary>
    private static List<Operation> Writes(string key = "k", int from = 2, int to = 6)
    {
        var h = new Ops();
        for (int rev = from; rev <= to; rev++) h.Put(1, key, "v" + rev, rev * 10, rev * 10 + 5, revision: rev);
        return h.History;
    }

    private static WatchRecord Ev(int watcher, long rev, string key = "k", string? value = null) =>
        WatchRecord.Event(watcher, "m1", key, rev, value ?? "v" + rev, rev * 10 + 7);

    private static WatchRecord Connect(int watcher, long from, string key = "k") =>
        WatchRecord.Connect(watcher, "m1", key, from, 0);

    [Fact]
    public void Check_CompleteStreamsWithResume_Passes()
    {
        WatchRecord[] watch =
        [
            Connect(1, 1), Ev(1, 2), Ev(1, 3),
            Connect(2, 1), Ev(2, 2),
            new(1, "m1", WatchRecordKind.Error, 40, Error: "leader changed"),
            Connect(1, 4), Ev(1, 4), Ev(1, 5), Ev(1, 6),
            Ev(2, 3), Ev(2, 4), Ev(2, 5), Ev(2, 6),
        ];

        CheckVerdict verdict = WatchChecker.Check(watch, Writes());

        Assert.True(verdict.Status == VerdictStatus.Pass, verdict.ToString());
    }

    [Fact]
    public void Check_StreamWithAGap_Fails()
    {
        WatchRecord[] watch = [Connect(1, 1), Ev(1, 2), Ev(1, 3), Ev(1, 5), Ev(1, 6)];

        CheckVerdict verdict = WatchChecker.Check(watch, Writes());

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("gap: watcher 1", verdict.Excerpt, StringComparison.Ordinal);
        Assert.Contains("at 4", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_GapAfterLastEventWithoutProgress_Passes()
    {
        // The stream never claimed to have reached 5 and 6.
        WatchRecord[] watch = [Connect(1, 1), Ev(1, 2), Ev(1, 3), Ev(1, 4)];

        Assert.Equal(VerdictStatus.Pass, WatchChecker.Check(watch, Writes()).Status);
    }

    [Fact]
    public void Check_ProgressBeyondAMissedWrite_Fails()
    {
        WatchRecord[] watch = [Connect(1, 1), Ev(1, 2), Ev(1, 3), Ev(1, 4), WatchRecord.Progress(1, "m1", 6, 90)];

        CheckVerdict verdict = WatchChecker.Check(watch, Writes());

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("missed the acknowledged write at 5", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DuplicateEvent_Fails()
    {
        WatchRecord[] watch = [Connect(1, 1), Ev(1, 2), Ev(1, 3), Ev(1, 3), Ev(1, 4)];

        CheckVerdict verdict = WatchChecker.Check(watch, Writes());

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("duplicate event (revision 3, k)", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OutOfOrderEvents_Fails()
    {
        WatchRecord[] watch = [Connect(1, 1), Ev(1, 2), Ev(1, 4), Ev(1, 3), Ev(1, 5)];

        CheckVerdict verdict = WatchChecker.Check(watch, Writes());

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("out of order: revision 3 after 4", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RevisionSplitAroundAnother_FailsAsNonAtomic()
    {
        // A txn at revision 7 wrote a/x and a/y; the prefix watcher got a/x, then revision 8, then a/y.
        WatchRecord[] watch =
        [
            Connect(1, 1, "a/") with { IsPrefix = true },
            Ev(1, 7, "a/x", "1"), Ev(1, 8, "a/z", "3"), Ev(1, 7, "a/y", "2"),
        ];

        CheckVerdict verdict = WatchChecker.Check(watch, []);

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("non-atomic revision 7", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WatcherMissingPartOfARevisionOthersSaw_FailsAsNonAtomic()
    {
        WatchRecord[] watch =
        [
            Connect(1, 1, "a/") with { IsPrefix = true }, Ev(1, 7, "a/x", "1"), Ev(1, 7, "a/y", "2"),
            Connect(2, 1, "a/") with { IsPrefix = true }, Ev(2, 7, "a/x", "1"),
        ];

        CheckVerdict verdict = WatchChecker.Check(watch, []);

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("non-atomic revision 7: watcher 2 saw it without a/y", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ResumeNotFromLastSeenPlusOne_Fails()
    {
        WatchRecord[] watch =
        [
            Connect(1, 1), Ev(1, 2), Ev(1, 3),
            new(1, "m1", WatchRecordKind.Error, 40, Error: "eof"),
            Connect(1, 5), Ev(1, 5), Ev(1, 6),
        ];

        CheckVerdict verdict = WatchChecker.Check(watch, Writes());

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("resumed from 5, expected 4", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WatchersDisagreeOnAValue_Fails()
    {
        WatchRecord[] watch = [Connect(1, 1), Ev(1, 2), Connect(2, 1), Ev(2, 2, value: "other")];

        CheckVerdict verdict = WatchChecker.Check(watch, Writes(to: 2));

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("watchers disagree on revision 2", verdict.Excerpt, StringComparison.Ordinal);
        Assert.Contains("differs from the acknowledged write at revision 2", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EventBelowReportedCompaction_Fails()
    {
        WatchRecord[] watch =
        [
            Connect(1, 1), WatchRecord.Compacted(1, "m1", 4, 10),
            Connect(1, 4), Ev(1, 3), Ev(1, 4),
        ];

        CheckVerdict verdict = WatchChecker.Check(watch, Writes());

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("below the reported compaction at 4", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CompactionExcusesTheWritesBelowIt_Passes()
    {
        WatchRecord[] watch =
        [
            Connect(1, 1), WatchRecord.Compacted(1, "m1", 4, 10),
            Connect(1, 5), Ev(1, 5), Ev(1, 6),
        ];

        CheckVerdict verdict = WatchChecker.Check(watch, Writes());

        Assert.True(verdict.Status == VerdictStatus.Pass, verdict.ToString());
    }

    [Fact]
    public void Check_EventAtARevisionAcknowledgedForAnotherKey_Fails()
    {
        WatchRecord[] watch = [Connect(1, 1), Ev(1, 2), Ev(1, 3)];
        List<Operation> writes = [.. Writes(to: 2), .. Writes("other", 3, 3)];

        CheckVerdict verdict = WatchChecker.Check(watch, writes);

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("revision 3 was acknowledged for other, not k", verdict.Excerpt, StringComparison.Ordinal);
    }
}
