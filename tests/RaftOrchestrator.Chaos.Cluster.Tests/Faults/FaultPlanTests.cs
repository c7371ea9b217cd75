using RaftOrchestrator.Chaos.Cluster.Faults;

namespace RaftOrchestrator.Chaos.Cluster.Tests.Faults;

public sealed class FaultPlanTests
{
    private static readonly FaultBounds s_bounds = new()
    {
        MinDuration = TimeSpan.FromMilliseconds(500),
        MaxDuration = TimeSpan.FromSeconds(2),
        MinGap = TimeSpan.FromMilliseconds(100),
        MaxGap = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public void The_same_seed_gives_the_same_plan_and_the_same_printout()
    {
        FaultPlan a = FaultPlan.Generate(42, 50, FaultPlan.AllKinds, s_bounds);
        FaultPlan b = FaultPlan.Generate(42, 50, FaultPlan.AllKinds, s_bounds);
        Assert.Equal(a.Steps, b.Steps);
        Assert.Equal(a.ToString(), b.ToString());
        Assert.StartsWith("fault plan, seed 42, 50 steps", a.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Different_seeds_give_different_plans()
    {
        FaultPlan a = FaultPlan.Generate(1, 20, FaultPlan.AllKinds, s_bounds);
        FaultPlan b = FaultPlan.Generate(2, 20, FaultPlan.AllKinds, s_bounds);
        Assert.NotEqual(a.Steps, b.Steps);
    }

    [Fact]
    public void Steps_stay_within_the_bounds_and_the_kinds_asked_for()
    {
        FaultKind[] kinds = [FaultKind.KillLeader, FaultKind.PartitionLeader];
        FaultPlan plan = FaultPlan.Generate(7, 200, kinds, s_bounds);
        Assert.All(plan.Steps, s =>
        {
            Assert.Contains(s.Kind, kinds);
            Assert.InRange(s.Duration, s_bounds.MinDuration, s_bounds.MaxDuration);
            Assert.InRange(s.Gap, s_bounds.MinGap, s_bounds.MaxGap);
        });
        Assert.Equal(Enumerable.Range(1, 200), plan.Steps.Select(s => s.Step));
        Assert.Equal(kinds.Length, plan.Steps.Select(s => s.Kind).Distinct().Count());
    }

    [Fact]
    public void Every_fault_has_a_name_that_parses_back()
    {
        Assert.All(FaultPlan.AllKinds, k => Assert.Equal(k, FaultNames.Parse(FaultNames.Of(k))));
        Assert.Equal(11, FaultNames.All.Count);
        Assert.Throws<FormatException>(() => FaultNames.Parse("unplug-the-moon"));
    }
}
