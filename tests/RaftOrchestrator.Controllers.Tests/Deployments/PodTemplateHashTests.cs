using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Controllers.Deployments;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

public sealed class PodTemplateHashTests
{
    private static PodTemplateSpec Template(string image, Dictionary<string, string>? labels = null, List<EnvVar>? env = null) => new()
    {
        Metadata = new ObjectMeta { Labels = labels ?? new() { ["app"] = "web" } },
        Spec = new PodSpec { Containers = [new Container { Name = "main", Image = image, Env = env }] },
    };

    [Fact]
    public void Compute_UsesKubernetesSafeAlphabet_AndIsStable()
    {
        string hash = PodTemplateHash.Compute(Template("app:1"), null);

        Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]{1,10}$", hash);
        Assert.Equal(hash, PodTemplateHash.Compute(Template("app:1"), null));
    }

    [Fact]
    public void Compute_DiffersForAnotherTemplate_AndForAnotherCollisionCount()
    {
        string plain = PodTemplateHash.Compute(Template("app:1"), null);

        Assert.NotEqual(plain, PodTemplateHash.Compute(Template("app:2"), null));
        Assert.NotEqual(plain, PodTemplateHash.Compute(Template("app:1"), 1));
        Assert.NotEqual(PodTemplateHash.Compute(Template("app:1"), 1), PodTemplateHash.Compute(Template("app:1"), 2));
    }

    [Fact]
    public void EqualIgnoringHash_IgnoresTheHashLabel_MapOrder_AndEmptyLists()
    {
        PodTemplateSpec a = Template("app:1", new() { ["app"] = "web", ["tier"] = "front" });
        PodTemplateSpec b = Template("app:1", new() { ["tier"] = "front", ["pod-template-hash"] = "abc", ["app"] = "web" }, env: []);

        Assert.True(PodTemplateHash.EqualIgnoringHash(a, b));
        Assert.Equal(PodTemplateHash.Compute(a, null), PodTemplateHash.Compute(b, null));
        Assert.False(PodTemplateHash.EqualIgnoringHash(a, Template("app:1", new() { ["app"] = "web" })));
        Assert.False(PodTemplateHash.EqualIgnoringHash(a, Template("app:1", new() { ["app"] = "web", ["tier"] = "front" }, [new EnvVar { Name = "X", Value = "1" }])));
    }
}
