using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

/// <summary>
/// Rolling updates under a randomly interleaved ReplicaSet controller: reconciles and status reports of random
/// subsets of the ReplicaSets in any order (so the reconciler often sees some ReplicaSets' status stale), new pods becoming available after a random delay, old
/// ones scaled down at once (not-ready pods first). At every observed step the pods stay within replicas + maxSurge
/// and the truly available ones at or above replicas − maxUnavailable, and once pods become available promptly the
/// rollout completes.
/// </summary>
public sealed class DeploymentRolloutPropertyTests
{
    public sealed record RolloutCase(int Replicas, IntOrString MaxSurge, IntOrString MaxUnavailable, int Seed)
    {
        public override string ToString() => $"replicas={Replicas} maxSurge={MaxSurge} maxUnavailable={MaxUnavailable} seed={Seed}";
    }

    private static readonly Gen<IntOrString> s_bound = Gen.OneOf(
        Gen.Choose(0, 4).Select(IntOrString.FromInt),
        Gen.Elements("0%", "10%", "25%", "34%", "50%", "100%").Select(IntOrString.FromString));

    private static readonly Gen<RolloutCase> s_case =
        from replicas in Gen.Choose(1, 8)
        from surge in s_bound
        from unavailable in s_bound
        from seed in Gen.Choose(0, int.MaxValue)
        where !(IsZero(surge) && IsZero(unavailable))
        select new RolloutCase(replicas, surge, unavailable, seed);

    [Property(MaxTest = 60)]
    public Property RollingUpdate_StaysWithinSurgeAndUnavailability_AndCompletes() =>
        Prop.ForAll(s_case.ToArbitrary(), RollOutAsync);

    private static async Task RollOutAsync(RolloutCase c)
    {
        await using var h = new DeploymentHarness();
        h.Create(DeploymentHarness.NewDeployment("web", c.Replicas, maxSurge: c.MaxSurge, maxUnavailable: c.MaxUnavailable));
        await h.RollOutAsync("web");
        await h.SetImageAsync("web", "app:2");
        (int maxTotal, int minAvailable) = Bounds(c);
        var random = new Random(c.Seed);

        for (int step = 0; step < 60; step++)
        {
            if (random.Next(10) < 6)
            {
                ReconcileResult result = await h.ReconcileAsync("web");
                Assert.False(result.Failed, result.Failure);
            }
            else
            {
                await h.SimulateReplicaSetsAsync(rs => SlowAvailability(rs, random), _ => random.Next(2) == 0);
            }
            AssertWithinBounds(h, maxTotal, minAvailable, c);
        }
        for (int step = 0; !RolloutStatus.IsDone(h.Get("web")); step++)
        {
            Assert.True(step < 100, $"{c}: {RolloutStatus.Message(h.Get("web"))}");
            ReconcileResult result = await h.ReconcileAsync("web");
            Assert.False(result.Failed, result.Failure);
            AssertWithinBounds(h, maxTotal, minAvailable, c);
            await h.SimulateReplicaSetsAsync();
            AssertWithinBounds(h, maxTotal, minAvailable, c);
        }

        Assert.Equal(c.Replicas, h.ReplicaSetOfImage("web", "app:2").Spec.Replicas);
        Assert.Equal(0, h.ReplicaSetOfImage("web", "app:1").Spec.Replicas);
    }

    /// <summary>Pods exist as soon as spec says; a pod that existed at the last report may now be available; scale-down drops unavailable pods first.</summary>
    private static int SlowAvailability(ReplicaSet rs, Random random)
    {
        int spec = rs.Spec.Replicas ?? 0;
        int available = Math.Min(rs.Status.AvailableReplicas ?? 0, spec);
        int maturing = Math.Max(0, Math.Min(spec, rs.Status.Replicas) - available);
        return available + random.Next(maturing + 1);
    }

    private static void AssertWithinBounds(DeploymentHarness h, int maxTotal, int minAvailable, RolloutCase c)
    {
        List<ReplicaSet> all = h.ReplicaSets("web");
        int total = all.Sum(rs => rs.Spec.Replicas ?? 0);
        int available = all.Sum(rs => Math.Min(rs.Spec.Replicas ?? 0, rs.Status.AvailableReplicas ?? 0));
        Assert.True(total <= maxTotal, $"{c}: {total} pods, more than {maxTotal}");
        Assert.True(available >= minAvailable, $"{c}: {available} available, fewer than {minAvailable}");
    }

    /// <summary>Kubernetes' bounds, worked out independently: surge rounds up, unavailability down, 0/0 becomes 0/1.</summary>
    private static (int MaxTotal, int MinAvailable) Bounds(RolloutCase c)
    {
        int surge = Scaled(c.MaxSurge, c.Replicas, Math.Ceiling);
        int unavailable = Scaled(c.MaxUnavailable, c.Replicas, Math.Floor);
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }
        return (c.Replicas + surge, c.Replicas - Math.Min(unavailable, c.Replicas));
    }

    private static int Scaled(IntOrString bound, int replicas, Func<double, double> round) => bound.IsInt
        ? bound.IntValue
        : (int)round(int.Parse(bound.StringValue!.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) * replicas / 100.0);

    private static bool IsZero(IntOrString bound) => bound.IsInt ? bound.IntValue == 0 : bound.StringValue == "0%";
}
