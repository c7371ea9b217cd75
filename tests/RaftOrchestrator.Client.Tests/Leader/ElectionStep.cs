namespace RaftOrchestrator.Client.Tests.Leader;

/// <summary>One step of a random election schedule.</summary>
internal readonly record struct ElectionStep(ElectionStepKind Kind, int Candidate, int Amount)
{
    public void ApplyTo(ElectionHarness harness)
    {
        ElectionCandidate candidate = harness[Candidate];
        switch (Kind)
        {
            case ElectionStepKind.Advance:
                harness.Advance(TimeSpan.FromMilliseconds(Amount), TimeSpan.FromMilliseconds(Math.Max(1, Amount / 4)));
                break;
            case ElectionStepKind.Partition:
                candidate.Faults.DownUntil = harness.Time.GetUtcNow() + TimeSpan.FromSeconds(Amount);
                break;
            case ElectionStepKind.LoseAnswers:
                candidate.Faults.LostAnswers += Amount;
                break;
            case ElectionStepKind.Latency:
                candidate.Faults.Latency = TimeSpan.FromMilliseconds(Amount);
                break;
            case ElectionStepKind.Restart when candidate.IsRunning:
                candidate.Stop();
                break;
            case ElectionStepKind.Restart:
                candidate.Start();
                break;
        }
    }

    public override string ToString() => $"{Kind}({Candidate}, {Amount})";
}
