using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace RaftOrchestrator.Client.Tests.Leader;

/// <summary>
/// Safety under random schedules: three candidates on one fake clock, with partitions, lost answers, slow calls and
/// restarts. A candidate counts as leading from its acquire time until its term's token is cancelled; no two such
/// stretches may overlap, and each term's fencing token (leaseTransitions) must exceed every earlier term's.
/// </summary>
public sealed class LeaderElectorPropertyTests
{
    private const int Candidates = 3;

    private static readonly Gen<ElectionStep> s_step = Gen.OneOf(
        Gen.Choose(100, 8_000).Select(ms => new ElectionStep(ElectionStepKind.Advance, 0, ms)),
        Gen.Choose(100, 8_000).Select(ms => new ElectionStep(ElectionStepKind.Advance, 0, ms)),
        Gen.Choose(100, 8_000).Select(ms => new ElectionStep(ElectionStepKind.Advance, 0, ms)),
        Step(ElectionStepKind.Partition, 1, 30),
        Step(ElectionStepKind.LoseAnswers, 1, 3),
        Step(ElectionStepKind.Latency, 0, 4_000),
        Step(ElectionStepKind.Restart, 0, 0));

    private static readonly Arbitrary<(int Seed, ElectionStep[] Steps)> s_schedules = Gen.Zip(
            Gen.Choose(1, 1_000_000),
            Gen.ArrayOf(s_step).Select(steps => steps.Take(80).ToArray()))
        .ToArbitrary();

    private static Gen<ElectionStep> Step(ElectionStepKind kind, int min, int max) =>
        Gen.Zip(Gen.Choose(0, Candidates - 1), Gen.Choose(min, max)).Select(p => new ElectionStep(kind, p.Item1, p.Item2));

    [Property(MaxTest = 150)]
    public Property RunAsync_AnySchedule_NeverTwoLeadersAtOnceAndFencingTokensIncrease() =>
        Prop.ForAll(s_schedules, schedule =>
        {
            ElectionHarness harness = Run(schedule.Seed, schedule.Steps);
            IReadOnlyList<TermRecord> terms = [.. harness.Terms.OrderBy(t => t.Start)];
            for (int i = 1; i < terms.Count; i++)
            {
                TermRecord previous = terms[i - 1];
                TermRecord next = terms[i];
                if (previous.End is not { } end || end > next.Start)
                {
                    return false.Label($"{previous} overlaps {next}; steps: {string.Join(", ", schedule.Steps)}");
                }
                if (next.Transitions <= previous.Transitions)
                {
                    return false.Label($"{next} does not fence off {previous}");
                }
            }
            return (terms.Count > 0).Label("nobody ever led");
        });

    /// <summary>Starts every candidate, plays the steps, then lets the schedule run out for a minute.</summary>
    private static ElectionHarness Run(int seed, IEnumerable<ElectionStep> steps)
    {
        var harness = new ElectionHarness(Candidates, seed);
        foreach (ElectionCandidate candidate in harness.Candidates)
        {
            candidate.Start();
        }
        foreach (ElectionStep step in steps)
        {
            step.ApplyTo(harness);
        }
        harness.Advance(TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(500));
        return harness;
    }
}
