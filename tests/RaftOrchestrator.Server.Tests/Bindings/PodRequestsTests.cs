using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Server.Kube.Bindings;

namespace RaftOrchestrator.Server.Tests.Bindings;

/// <summary>Effective pod requests (containers, init containers, sidecars, overhead) and the node fit check.</summary>
public sealed class PodRequestsTests
{
    private static Container C(string cpu, string? restartPolicy = null) => new()
    {
        Name = "c", Image = "i", RestartPolicy = restartPolicy,
        Resources = new ResourceRequirements { Requests = new Dictionary<string, Quantity> { ["cpu"] = cpu } },
    };

    public static TheoryData<string, PodSpec, long> Specs => new()
    {
        { "containers add up", new PodSpec { Containers = [C("100m"), C("250m")] }, 350 },
        { "a bigger init container wins", new PodSpec { Containers = [C("100m")], InitContainers = [C("1"), C("200m")] }, 1000 },
        { "a smaller init container does not", new PodSpec { Containers = [C("500m")], InitContainers = [C("200m")] }, 500 },
        { "sidecars run beside the app and later inits", new PodSpec { Containers = [C("100m")], InitContainers = [C("300m", "Always"), C("400m")] }, 700 },
        { "overhead is added", new PodSpec { Containers = [C("100m")], Overhead = new() { ["cpu"] = "50m" } }, 150 },
        { "pod-level requests stand for the containers", new PodSpec { Containers = [C("100m")], Resources = new ResourceRequirements { Requests = new() { ["cpu"] = "2" } } }, 2000 },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Compute_Spec_IsKubeSchedulersEffectiveRequest(string scenario, PodSpec spec, long milliCpu)
    {
        _ = scenario;
        Assert.Equal(milliCpu, PodRequests.Compute(spec).MilliCpu);
    }

    [Fact]
    public void Misfit_NamesEveryShortResource_AndSkipsWhatThePodDoesNotRequest()
    {
        var node = new NodeAllocation
        {
            Exists = true,
            AllowedPods = 1,
            Allocatable = ResourceAmounts.From(new() { ["cpu"] = "1", ["memory"] = "1Gi", ["example.com/gpu"] = "1" }),
        };
        node.Assume(ResourceAmounts.From(new() { ["cpu"] = "900m" }));

        string? full = node.Misfit(ResourceAmounts.From(new() { ["cpu"] = "200m", ["example.com/gpu"] = "2", ["memory"] = "1Mi" }));
        node.AllowedPods = 2;
        string? fits = node.Misfit(ResourceAmounts.From(new() { ["memory"] = "1Gi" }));

        Assert.Equal("Too many pods, Insufficient cpu, Insufficient example.com/gpu", full);
        Assert.Null(fits);
    }
}
