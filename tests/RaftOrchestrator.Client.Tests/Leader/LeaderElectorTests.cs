using RaftOrchestrator.Api.Coordination;

namespace RaftOrchestrator.Client.Tests.Leader;

public sealed class LeaderElectorTests
{
    private static readonly TimeSpan s_leaseDuration = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan s_renewDeadline = TimeSpan.FromSeconds(10);

    [Fact]
    public void RunAsync_NoLease_CreatesItAndLeadsWithTransitionsZero()
    {
        var harness = new ElectionHarness(1);
        harness[0].Start();

        Assert.True(harness[0].Elector!.IsLeader);
        TermRecord term = Assert.Single(harness.Terms);
        Assert.Equal(0, term.Transitions);
        LeaseSpec spec = harness.Lease!.Spec!;
        Assert.Equal("candidate-0", spec.HolderIdentity);
        Assert.Equal(15, spec.LeaseDurationSeconds);
        Assert.Equal(0, spec.LeaseTransitions);
        Assert.Equal(harness.Time.GetUtcNow().UtcDateTime, spec.AcquireTime);
    }

    [Fact]
    public void RunAsync_LeaderRenewing_OtherCandidateNeverLeads()
    {
        var harness = new ElectionHarness(2);
        harness[0].Start();
        harness[1].Start();
        DateTime? acquired = harness.Lease!.Spec!.RenewTime;

        harness.Advance(TimeSpan.FromMinutes(2));

        Assert.True(harness[0].Elector!.IsLeader);
        Assert.False(harness[1].Elector!.IsLeader);
        Assert.Single(harness.Terms);
        Assert.True(harness.Lease!.Spec!.RenewTime > acquired + TimeSpan.FromSeconds(100), "the leader keeps renewing");
        Assert.Equal("candidate-0", harness[1].Elector!.CurrentHolder);
    }

    [Fact]
    public void RunAsync_LeaderPartitioned_AnotherTakesOverOnlyAfterTheLeaseExpires()
    {
        var harness = new ElectionHarness(2);
        harness[0].Start();
        harness[1].Start();
        harness.Advance(TimeSpan.FromSeconds(7));
        DateTime lastRenewal = harness.Lease!.Spec!.RenewTime!.Value;

        harness[0].Faults.DownUntil = DateTimeOffset.MaxValue;
        harness.AdvanceUntil(() => harness[1].Elector!.IsLeader, TimeSpan.FromSeconds(40), "candidate-1 takes over");

        Assert.Equal(2, harness.Terms.Count);
        (TermRecord first, TermRecord second) = (harness.Terms[0], harness.Terms[1]);
        Assert.True(second.Start.UtcDateTime - lastRenewal >= s_leaseDuration, $"took over {second.Start.UtcDateTime - lastRenewal} after the last renewal");
        Assert.True(first.End <= second.Start, $"{first} overlaps {second}");
        Assert.Equal(1, second.Transitions);
        Assert.Equal(1, harness.Lease!.Spec!.LeaseTransitions);
        Assert.False(harness[0].Elector!.IsLeader);
    }

    [Fact]
    public void RunAsync_RenewFailingLongerThanRenewDeadline_CancelsTheTermBeforeTheLeaseCanExpire()
    {
        var harness = new ElectionHarness(1);
        harness[0].Start();
        harness.Advance(TimeSpan.FromSeconds(5));
        DateTime lastRenewal = harness.Lease!.Spec!.RenewTime!.Value;

        harness[0].Faults.DownUntil = DateTimeOffset.MaxValue;
        harness.AdvanceUntil(() => !harness[0].Elector!.IsLeader, s_leaseDuration, "the term ends");

        TermRecord term = Assert.Single(harness.Terms);
        TimeSpan led = term.End!.Value.UtcDateTime - lastRenewal;
        Assert.True(led <= s_renewDeadline, $"still leading {led} after the last successful renewal");
        Assert.Equal("candidate-0", harness.Lease!.Spec!.HolderIdentity);
    }

    [Fact]
    public void RunAsync_RenewsHangingPastTheDeadline_CancelsTheTermOnTime()
    {
        var harness = new ElectionHarness(1);
        harness[0].Start();
        harness.Advance(TimeSpan.FromSeconds(5));
        DateTime lastRenewal = harness.Lease!.Spec!.RenewTime!.Value;

        harness[0].Faults.Latency = TimeSpan.FromMinutes(5);
        harness.AdvanceUntil(() => !harness[0].Elector!.IsLeader, s_leaseDuration, "the term ends");

        TimeSpan led = harness.Terms[0].End!.Value.UtcDateTime - lastRenewal;
        Assert.True(led <= s_renewDeadline, $"still leading {led} after the last successful renewal");
    }

    [Fact]
    public void Stop_Leader_ReleasesSoAnotherAcquiresWithoutWaitingForExpiry()
    {
        var harness = new ElectionHarness(2);
        harness[0].Start();
        harness[1].Start();
        harness.Advance(TimeSpan.FromSeconds(3));

        harness[0].Stop();

        Assert.False(harness[0].IsRunning);
        Assert.Equal("", harness.Lease!.Spec!.HolderIdentity);
        TimeSpan waited = harness.AdvanceUntil(() => harness[1].Elector!.IsLeader, s_leaseDuration, "candidate-1 acquires");
        // The next jittered retry (at most 2 s × 2.2) acquires; expiry would take 15 s.
        Assert.True(waited <= TimeSpan.FromSeconds(5), $"waited {waited}");
        Assert.Equal(1, harness.Terms[1].Transitions);
    }

    [Fact]
    public void RunAsync_EveryNewTerm_IncrementsLeaseTransitions()
    {
        var harness = new ElectionHarness(2);
        harness[0].Start();
        harness[1].Start();
        harness[0].Stop();
        harness.AdvanceUntil(() => harness[1].Elector!.IsLeader, s_leaseDuration, "candidate-1 acquires");
        harness[0].Start();
        harness[1].Stop();
        harness.AdvanceUntil(() => harness[0].Elector!.IsLeader, s_leaseDuration, "candidate-0 acquires again");

        Assert.Equal([0, 1, 2], harness.Terms.Select(t => t.Transitions));
        Assert.Equal(["candidate-0", "candidate-1", "candidate-0"], harness.Terms.Select(t => t.Identity));
        Assert.Equal(2, harness[0].Elector!.CurrentTerm!.LeaseTransitions);
    }

    [Fact]
    public void RunAsync_WorkReturnsEarly_EndsTheTermAndCampaignsForANewOne()
    {
        var harness = new ElectionHarness(1);
        var terms = new List<int>();
        harness[0].Start((term, token) =>
        {
            terms.Add(term.LeaseTransitions);
            return terms.Count == 1 ? Task.CompletedTask : Task.Delay(Timeout.InfiniteTimeSpan, token);
        });
        Assert.False(harness[0].Elector!.IsLeader);

        harness.AdvanceUntil(() => harness[0].Elector!.IsLeader, s_leaseDuration, "a second term");

        Assert.Equal([0, 1], terms);
    }

    [Fact]
    public void RunAsync_HolderChanges_AreReportedToOnNewLeader()
    {
        var harness = new ElectionHarness(2);
        harness[0].Start();
        harness[1].Start();
        harness[0].Stop();
        harness.AdvanceUntil(() => harness[1].Elector!.IsLeader, s_leaseDuration, "candidate-1 acquires");

        Assert.Equal(["candidate-0", "", "candidate-1"], harness[1].ObservedLeaders);
        Assert.Equal("candidate-1", harness[1].Elector!.CurrentHolder);
    }

    [Fact]
    public void RunAsync_LostAnswerOnAcquire_TheLeaseIsOursAndTheNextAttemptStartsANewTerm()
    {
        var harness = new ElectionHarness(2);
        harness[0].Faults.LostAnswers = 1;
        harness[0].Start();
        harness[1].Start();
        Assert.Empty(harness.Terms);
        Assert.Equal("candidate-0", harness.Lease!.Spec!.HolderIdentity);

        harness.AdvanceUntil(() => harness[0].Elector!.IsLeader, s_leaseDuration, "candidate-0 leads");

        Assert.Equal(1, Assert.Single(harness.Terms).Transitions);
        Assert.False(harness[1].Elector!.IsLeader);
    }

    [Fact]
    public void RunAsync_TwoCandidatesRacingForNoLease_ExactlyOneWins()
    {
        var harness = new ElectionHarness(3);
        foreach (ElectionCandidate candidate in harness.Candidates)
        {
            // Each call takes a while, so all three read "no lease" before any create lands.
            candidate.Faults.Latency = TimeSpan.FromMilliseconds(50);
            candidate.Start();
        }
        Assert.Null(harness.Lease);

        harness.Advance(TimeSpan.FromSeconds(30));
        ElectionCandidate leader = Assert.Single(harness.Leaders);
        Assert.Equal(leader.Identity, harness.Lease!.Spec!.HolderIdentity);
        Assert.Single(harness.Terms);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ReturnsWithoutThrowing()
    {
        var harness = new ElectionHarness(1);
        harness[0].Start();
        harness[0].Stop();

        await harness[0].Run!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(harness[0].Run!.IsCompletedSuccessfully);
        Assert.Equal(harness.Terms[0].End, harness.Time.GetUtcNow());
    }
}
