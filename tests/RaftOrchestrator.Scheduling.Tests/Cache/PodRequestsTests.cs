using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Tests.Cache;

public sealed class PodRequestsTests
{
    private static PodSpec Spec(List<Container> containers, List<Container>? inits = null, Dictionary<string, Quantity>? overhead = null) =>
        new() { Containers = containers, InitContainers = inits, Overhead = overhead };

    [Fact]
    public void AppContainers_AreSummed()
    {
        Resource r = PodRequests.Compute(Spec([Make.Container("a", "250m", "1Gi"), Make.Container("b", "0.5", "512Mi")]), nonZero: false);
        Assert.Equal(750, r.MilliCpu);
        Assert.Equal(1536L * 1024 * 1024, r.Memory);
    }

    [Fact]
    public void InitContainer_LargerThanTheApps_Dominates()
    {
        Resource r = PodRequests.Compute(Spec([Make.Container("a", "1", "1Gi")], [Make.Container("i", "2", "512Mi")]), nonZero: false);
        Assert.Equal(2000, r.MilliCpu);
        Assert.Equal(1L << 30, r.Memory);
    }

    [Fact]
    public void Sidecars_RunBesideTheApps_AndUnderLaterInitContainers()
    {
        // sidecar 500m starts first; init "i" needs 1 cpu on top of it (1.5); apps 1 + sidecar 0.5 = 1.5 too.
        // With the init at 2 cpu: init phase 2.5 beats app phase 1.5.
        Resource r = PodRequests.Compute(
            Spec([Make.Container("a", "1")], [Make.Container("s", "500m", restartPolicy: "Always"), Make.Container("i", "2")]),
            nonZero: false);
        Assert.Equal(2500, r.MilliCpu);
        Resource apps = PodRequests.Compute(
            Spec([Make.Container("a", "3")], [Make.Container("s", "500m", restartPolicy: "Always"), Make.Container("i", "2")]),
            nonZero: false);
        Assert.Equal(3500, apps.MilliCpu);
    }

    [Fact]
    public void Overhead_IsAdded()
    {
        Resource r = PodRequests.Compute(Spec([Make.Container("a", "1", "1Gi")], overhead: new() { ["cpu"] = "250m", ["memory"] = "64Mi" }), nonZero: false);
        Assert.Equal(1250, r.MilliCpu);
        Assert.Equal((1L << 30) + (64L << 20), r.Memory);
    }

    [Fact]
    public void NonZero_DefaultsOnlyMissingRequests_PerContainer()
    {
        Resource r = PodRequests.Compute(Spec([Make.Container("a"), Make.Container("b", "0", "1Gi")]), nonZero: true);
        Assert.Equal(100, r.MilliCpu);
        Assert.Equal(ResourceNames.DefaultMemoryRequest + (1L << 30), r.Memory);
        Resource plain = PodRequests.Compute(Spec([Make.Container("a")]), nonZero: false);
        Assert.True(plain.IsZero);
    }

    [Fact]
    public void ExtendedResources_AreScalars()
    {
        var c = new Container { Name = "g", Resources = new ResourceRequirements { Requests = new() { ["example.com/gpu"] = "2", ["hugepages-2Mi"] = "4Mi" } } };
        Resource r = PodRequests.Compute(Spec([c, c]), nonZero: false);
        Assert.Equal(4, r.GetScalar("example.com/gpu"));
        Assert.Equal(8L << 20, r.GetScalar("hugepages-2Mi"));
    }
}
