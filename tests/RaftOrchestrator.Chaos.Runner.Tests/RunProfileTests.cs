using RaftOrchestrator.Chaos.Cluster.Faults;
using RaftOrchestrator.Chaos.Runner.Profiles;

namespace RaftOrchestrator.Chaos.Runner.Tests;

public sealed class RunProfileTests
{
    [Fact]
    public void The_same_seed_gives_the_same_plan_and_another_seed_another()
    {
        Assert.Equal(RunProfile.Smoke.Plan(7), RunProfile.Smoke.Plan(7));
        Assert.NotEqual(RunProfile.Smoke.Plan(7), RunProfile.Smoke.Plan(8));
    }

    [Fact]
    public void Smoke_has_leader_kills_one_partition_one_full_restart_and_fits_its_bounds()
    {
        IReadOnlyList<PlannedFault> plan = RunProfile.Smoke.Plan(1);
        Assert.Equal(3, plan.Count(p => p.Kind == FaultKind.KillLeader));
        Assert.Equal(1, plan.Count(p => p.Kind == FaultKind.PartitionLeader));
        Assert.Equal(1, plan.Count(p => p.Kind == FaultKind.KillAllRestart));
        Assert.All(plan, p => Assert.InRange(p.Duration, RunProfile.Smoke.Bounds.MinDuration, RunProfile.Smoke.Bounds.MaxDuration));
        Assert.Equal(Enumerable.Range(1, plan.Count), plan.Select(p => p.Step));
    }

    [Fact]
    public void Long_has_a_hundred_leader_kills_and_every_other_fault()
    {
        IReadOnlyList<PlannedFault> plan = RunProfile.Long.Plan(1);
        Assert.Equal(100, plan.Count(p => p.Kind == FaultKind.KillLeader));
        Assert.All(FaultPlan.AllKinds, k => Assert.Contains(plan, p => p.Kind == k));
    }

    [Fact]
    public void Unknown_profiles_are_refused() => Assert.Throws<FormatException>(() => RunProfile.Parse("medium"));
}
