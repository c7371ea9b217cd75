using RaftOrchestrator.Chaos.Checkers;
using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Tests;

public sealed class LostWriteCheckerTests
{
    [Fact]
    public void Check_FinalValueOfTheLastWrite_Passes()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10, revision: 2);
        h.Put(1, "k", "b", 20, 30, revision: 3);
        h.Put(2, "k", "c", 40, null, outcome: OperationOutcome.Unknown);

        CheckVerdict verdict = LostWriteChecker.Check(h.History, [new FinalRead("k", "b", 3)]);

        Assert.True(verdict.Status == VerdictStatus.Pass, verdict.ToString());
    }

    [Fact]
    public void Check_UnknownWriteVisibleAtTheEnd_Passes()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10, revision: 2);
        h.Put(2, "k", "c", 40, null, outcome: OperationOutcome.Unknown);

        Assert.Equal(VerdictStatus.Pass, LostWriteChecker.Check(h.History, [new FinalRead("k", "c", 9)]).Status);
    }

    [Fact]
    public void Check_AcknowledgedWriteOverwrittenByAnEarlierOne_FailsAsLost()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10, revision: 2);
        h.Put(1, "k", "b", 20, 30, revision: 3);

        CheckVerdict verdict = LostWriteChecker.Check(h.History, [new FinalRead("k", "a", 2)]);

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("lost write", verdict.Excerpt, StringComparison.Ordinal);
        Assert.Contains("#2 c1 put k (b)", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_KeyGoneAfterRecovery_Fails()
    {
        var h = new Ops();
        h.Cas(1, "k", null, "a", 0, 10, succeeded: true, revision: 2);

        Assert.Equal(VerdictStatus.Fail, LostWriteChecker.Check(h.History, [new FinalRead("k", null, 0)]).Status);
    }

    [Fact]
    public void Check_FinalModRevisionBelowAnAcknowledgedWrite_Fails()
    {
        // Concurrent puts, so either value may win, but the revision went backwards.
        var h = new Ops();
        h.Put(1, "k", "a", 0, 30, revision: 5);
        h.Put(2, "k", "b", 10, 20, revision: 4);

        Assert.Equal(VerdictStatus.Pass, LostWriteChecker.Check(h.History, [new FinalRead("k", "a", 5)]).Status);
        Assert.Equal(VerdictStatus.Fail, LostWriteChecker.Check(h.History, [new FinalRead("k", "b", 4)]).Status);
    }

    [Fact]
    public void Check_ValueNeverWritten_Fails()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10, revision: 2);
        h.Put(1, "k", "z", 20, 30, outcome: OperationOutcome.Failed);

        Assert.Equal(VerdictStatus.Fail, LostWriteChecker.Check(h.History, [new FinalRead("k", "z", 3)]).Status);
    }

    [Fact]
    public void Check_NoFinalRead_IsInconclusive()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10);

        Assert.Equal(VerdictStatus.Inconclusive, LostWriteChecker.Check(h.History, []).Status);
    }

    [Fact]
    public void Check_ListWithEveryAcknowledgedElementInOrder_Passes()
    {
        var h = new Ops();
        h.Append(1, "l", "x", 0, 10);
        h.Append(2, "l", "y", 5, 30);
        h.Append(3, "l", "w", 6, 25);
        h.Append(3, "l", "z", 40, null, outcome: OperationOutcome.Unknown);

        CheckVerdict verdict = LostWriteChecker.Check(h.History, [new FinalRead("l", "x,w,y", 9)]);

        Assert.True(verdict.Status == VerdictStatus.Pass, verdict.ToString());
    }

    [Fact]
    public void Check_ListMissingAnAcknowledgedAppend_Fails()
    {
        var h = new Ops();
        h.Append(1, "l", "x", 0, 10);
        h.Append(2, "l", "y", 20, 30);

        CheckVerdict verdict = LostWriteChecker.Check(h.History, [new FinalRead("l", null, 5, ["y"])]);

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("lost append", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ListOutOfAcknowledgedOrder_Fails()
    {
        var h = new Ops();
        h.Append(1, "l", "x", 0, 10);
        h.Append(2, "l", "y", 20, 30);

        CheckVerdict verdict = LostWriteChecker.Check(h.History, [new FinalRead("l", "y,x", 5)]);

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("out of acknowledged order", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ListWithDuplicateOrPhantomElement_Fails()
    {
        var h = new Ops();
        h.Append(1, "l", "x", 0, 10);

        Assert.Equal(VerdictStatus.Fail, LostWriteChecker.Check(h.History, [new FinalRead("l", "x,x", 5)]).Status);
        Assert.Equal(VerdictStatus.Fail, LostWriteChecker.Check(h.History, [new FinalRead("l", "x,q", 5)]).Status);
    }
}
