using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Controllers.Deployments;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

public sealed class RolloutMathTests
{
    public static TheoryData<string, string, int, int, int> Fenceposts => new()
    {
        { "25%", "25%", 10, 3, 2 },
        { "25%", "25%", 4, 1, 1 },
        { "25%", "25%", 1, 1, 0 },
        { "0%", "10%", 3, 0, 1 },
        { "1", "0", 5, 1, 0 },
        { "100%", "100%", 7, 7, 7 },
    };

    [Theory]
    [MemberData(nameof(Fenceposts))]
    public void ResolveFenceposts_SurgeRoundsUp_UnavailabilityRoundsDown_ZeroZeroIsZeroOne(string surge, string unavailable, int replicas, int expectedSurge, int expectedUnavailable)
    {
        (int s, int u) = RolloutMath.ResolveFenceposts(Parse(surge), Parse(unavailable), replicas);

        Assert.Equal((expectedSurge, expectedUnavailable), (s, u));
    }

    [Fact]
    public void MaxUnavailable_IsAtMostReplicas_AndZeroForRecreate()
    {
        Api.Apps.Deployment rolling = DeploymentHarness.NewDeployment("web", 2, maxSurge: 0, maxUnavailable: 5);
        Api.Apps.Deployment recreate = DeploymentHarness.NewDeployment("web", 2, strategy: "Recreate");

        Assert.Equal(2, RolloutMath.MaxUnavailable(rolling));
        Assert.Equal((0, 0), (RolloutMath.MaxUnavailable(recreate), RolloutMath.MaxSurge(recreate)));
    }

    private static IntOrString Parse(string text) =>
        text.EndsWith('%') ? IntOrString.FromString(text) : IntOrString.FromInt(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
}
