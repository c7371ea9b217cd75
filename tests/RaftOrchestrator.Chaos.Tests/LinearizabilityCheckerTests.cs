using System.Diagnostics;
using RaftOrchestrator.Chaos.Checkers;
using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Tests;

public sealed class LinearizabilityCheckerTests
{
    [Fact]
    public void Check_StaleReadAfterAcknowledgedWrite_Fails()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10, revision: 2);
        h.Put(1, "k", "b", 20, 30, revision: 3);
        h.Get(2, "k", "a", 40, 50);

        LinearizabilityResult result = LinearizabilityChecker.Check(h.History);

        Assert.Equal(VerdictStatus.Fail, result.Verdict.Status);
        Assert.Contains("key k", result.Verdict.Excerpt, StringComparison.Ordinal);
        Assert.Contains("#3 c2 get k", result.Verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LostCas_Fails()
    {
        // The cas a→b was acknowledged, yet a later cas from a compares a and succeeds too.
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10);
        h.Cas(1, "k", "a", "b", 20, 30, succeeded: true);
        h.Cas(2, "k", "a", "c", 40, 50, succeeded: true);

        Assert.Equal(VerdictStatus.Fail, LinearizabilityChecker.Check(h.History).Verdict.Status);
    }

    [Fact]
    public void Check_CasFailedAlthoughCompareHeld_Fails()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10);
        h.Cas(2, "k", "a", "b", 20, 30, succeeded: false);

        Assert.Equal(VerdictStatus.Fail, LinearizabilityChecker.Check(h.History).Verdict.Status);
    }

    [Fact]
    public void Check_ReadOfWrongModRevision_Fails()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10, revision: 5);
        h.Get(2, "k", "a", 20, 30, modRevision: 4);

        Assert.Equal(VerdictStatus.Fail, LinearizabilityChecker.Check(h.History).Verdict.Status);
    }

    [Fact]
    public void Check_WriteRevisionGoingBackwards_Fails()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10, revision: 5);
        h.Put(2, "k", "b", 20, 30, revision: 4);

        Assert.Equal(VerdictStatus.Fail, LinearizabilityChecker.Check(h.History).Verdict.Status);
    }

    [Fact]
    public void Check_ConcurrentWritesReadInEitherOrder_Passes()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 100);
        h.Put(2, "k", "b", 10, 90);
        h.Get(3, "k", "a", 20, 30);
        h.Get(3, "k", "b", 40, 50);
        h.Get(4, "k", "a", 35, 120);
        h.CasRevision(5, "k", 0, "x", 200, 210, succeeded: false);

        LinearizabilityResult result = LinearizabilityChecker.Check(h.History);

        Assert.Equal(VerdictStatus.Pass, result.Verdict.Status);
    }

    [Fact]
    public void Check_UnknownWriteThatTookEffectLater_Passes()
    {
        // The put timed out at 10, yet it applied after the acknowledged put of b: reads see b, then a.
        var h = new Ops();
        h.Put(1, "k", "a", 0, null, outcome: OperationOutcome.Unknown);
        h.Put(2, "k", "b", 20, 30);
        h.Get(3, "k", "b", 40, 50);
        h.Get(3, "k", "a", 60, 70);

        Assert.Equal(VerdictStatus.Pass, LinearizabilityChecker.Check(h.History).Verdict.Status);
    }

    [Fact]
    public void Check_UnknownWriteThatNeverTookEffect_Passes()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10);
        h.Put(1, "k", "b", 20, null, outcome: OperationOutcome.Unknown);
        h.Cas(2, "k", "a", "c", 25, null, succeeded: null, outcome: OperationOutcome.Unknown);
        h.Get(3, "k", "a", 40, 50);
        h.Get(3, "k", "a", 60, 70);

        Assert.Equal(VerdictStatus.Pass, LinearizabilityChecker.Check(h.History).Verdict.Status);
    }

    [Fact]
    public void Check_UnknownWriteReadBeforeItsInvoke_Fails()
    {
        var h = new Ops();
        h.Get(3, "k", "a", 0, 10);
        h.Put(1, "k", "a", 20, null, outcome: OperationOutcome.Unknown);

        Assert.Equal(VerdictStatus.Fail, LinearizabilityChecker.Check(h.History).Verdict.Status);
    }

    [Fact]
    public void Check_FailedWriteSeenByRead_Fails()
    {
        // A definite failure had no effect: a read of its value has nothing to read from.
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10, outcome: OperationOutcome.Failed);
        h.Get(2, "k", "a", 20, 30);

        Assert.Equal(VerdictStatus.Fail, LinearizabilityChecker.Check(h.History).Verdict.Status);
    }

    [Fact]
    public void Check_ReadOfAbsentKeyAfterAcknowledgedWrite_Fails()
    {
        var h = new Ops();
        h.Get(2, "k", null, 0, 5, modRevision: 0);
        h.Put(1, "k", "a", 10, 20);
        h.Get(2, "k", null, 30, 40);

        Assert.Equal(VerdictStatus.Fail, LinearizabilityChecker.Check(h.History).Verdict.Status);
    }

    [Fact]
    public void Check_KeysAreIndependent_FailureNamesOnlyTheBadKey()
    {
        var h = new Ops();
        h.Put(1, "good", "a", 0, 10);
        h.Get(2, "good", "a", 20, 30);
        h.Put(1, "bad", "a", 0, 10);
        h.Put(1, "bad", "b", 20, 30);
        h.Get(2, "bad", "a", 40, 50);

        LinearizabilityResult result = LinearizabilityChecker.Check(h.History);

        Assert.Equal(VerdictStatus.Fail, result.Verdict.Status);
        Assert.Equal(["bad", "good"], result.Keys.Select(k => k.Key));
        Assert.Equal([VerdictStatus.Fail, VerdictStatus.Pass], result.Keys.Select(k => k.Status));
    }

    [Fact]
    public void Check_AppendListsInAckOrder_Passes()
    {
        var h = new Ops();
        h.Append(1, "l", "x", 0, 10);
        h.Append(2, "l", "y", 5, 30);
        h.Append(3, "l", "z", 6, null, outcome: OperationOutcome.Unknown);
        h.ReadList(4, "l", ["x", "y"], 40, 50);
        h.ReadList(4, "l", ["x", "y", "z"], 60, 70);

        Assert.Equal(VerdictStatus.Pass, LinearizabilityChecker.Check(h.History).Verdict.Status);
    }

    [Fact]
    public void Check_AppendListReadMissingAcknowledgedElement_Fails()
    {
        var h = new Ops();
        h.Append(1, "l", "x", 0, 10);
        h.Append(2, "l", "y", 20, 30);
        h.ReadList(4, "l", ["y"], 40, 50);

        Assert.Equal(VerdictStatus.Fail, LinearizabilityChecker.Check(h.History).Verdict.Status);
    }

    [Fact]
    public void Check_AppendListReorderedNonOverlappingAppends_Fails()
    {
        var h = new Ops();
        h.Append(1, "l", "x", 0, 10);
        h.Append(2, "l", "y", 20, 30);
        h.ReadList(4, "l", ["y", "x"], 40, 50);

        Assert.Equal(VerdictStatus.Fail, LinearizabilityChecker.Check(h.History).Verdict.Status);
    }

    [Fact]
    public void Check_ManyConcurrentUnknownAppends_DecidedInFewSteps()
    {
        // 300 appends of unknown outcome all open while reads run (a long partition's timeouts): the search alone
        // would try each of them, in every order, at every point; narrowed, those no read shows go and the rest have one place each.
        var h = new Ops();
        for (int i = 0; i < 300; i++) h.Append(i, "l", "u" + i, i, null, outcome: OperationOutcome.Unknown);
        var seen = new List<string>();
        for (int i = 0; i < 50; i++)
        {
            seen.Add("u" + (i * 3));
            h.ReadList(1000, "l", [.. seen], 400 + 10 * i, 405 + 10 * i);
        }

        LinearizabilityResult result = LinearizabilityChecker.Check(h.History, budget: 100_000);

        Assert.True(result.Verdict.Status == VerdictStatus.Pass, result.Verdict.ToString());
        Assert.InRange(result.Keys[0].Steps, 1, 50_000); // each placement rescans the ~50 pending calls
    }

    [Fact]
    public void Check_ReadShowsAnUnknownAppendInvokedAfterItReturned_Fails()
    {
        var h = new Ops();
        h.Append(1, "l", "x", 0, 10);
        h.ReadList(2, "l", ["x", "z"], 20, 30);
        h.Append(3, "l", "z", 40, null, outcome: OperationOutcome.Unknown);

        LinearizabilityResult result = LinearizabilityChecker.Check(h.History);

        Assert.Equal(VerdictStatus.Fail, result.Verdict.Status);
        Assert.Contains("#2 c2 readlist l", result.Verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RepeatedAppendValueWithUnknowns_StillSearchedAsIs()
    {
        // Two appends of one value: reads cannot tell them apart, so nothing is narrowed and the search decides.
        var h = new Ops();
        h.Append(1, "l", "x", 0, 10);
        h.Append(2, "l", "x", 5, null, outcome: OperationOutcome.Unknown);
        h.ReadList(3, "l", ["x", "x"], 20, 30);

        Assert.Equal(VerdictStatus.Pass, LinearizabilityChecker.Check(h.History).Verdict.Status);
    }

    [Fact]
    public void Check_MixedRegisterAndListOnOneKey_IsInconclusive()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10);
        h.Append(1, "k", "x", 20, 30);

        Assert.Equal(VerdictStatus.Inconclusive, LinearizabilityChecker.Check(h.History).Verdict.Status);
    }

    [Fact]
    public void Check_BudgetTooSmall_IsInconclusiveNotPass()
    {
        var h = new Ops();
        for (int i = 0; i < 12; i++) h.Put(i, "k", "v" + i, 0, null, outcome: OperationOutcome.Unknown);
        h.Get(99, "k", "nope", 10, 20);

        LinearizabilityResult result = LinearizabilityChecker.Check(h.History, budget: 1000);

        Assert.Equal(VerdictStatus.Inconclusive, result.Verdict.Status);
        Assert.Contains("budget", result.Verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FailureExcerpt_ShowsPrefixStuckOpAndPending()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10);
        h.Put(1, "k", "b", 20, 30);
        h.Get(2, "k", "a", 40, 60);
        h.Put(3, "k", "c", 50, 70);

        string excerpt = LinearizabilityChecker.Check(h.History).Verdict.Excerpt!;

        // The deepest attempt places a, b and the concurrent c before the read of a must return.
        Assert.Contains("places 3 of 4 ops", excerpt, StringComparison.Ordinal);
        Assert.Contains("value=c", excerpt, StringComparison.Ordinal);
        Assert.Contains("cannot place, before it returned:\n    #3 c2 get k", excerpt, StringComparison.Ordinal);
        Assert.Contains("#4 c3 put k (c)", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TenThousandOpsTwentyKeysEightClients_UnderASecond()
    {
        List<Operation> history = RegisterSimulation.Generate(seed: 42, ops: 10_000, keys: 20, clients: 8);
        LinearizabilityChecker.Check(history.Take(200)); // warm up the JIT

        var clock = Stopwatch.StartNew();
        LinearizabilityResult result = LinearizabilityChecker.Check(history);
        clock.Stop();

        Assert.Equal(VerdictStatus.Pass, result.Verdict.Status);
        Assert.Equal(20, result.Keys.Count);
        TestContext.Current.SendDiagnosticMessage($"10,000 ops: {clock.ElapsedMilliseconds} ms, {result.Steps} steps");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.ElapsedMilliseconds} ms");
    }
}
