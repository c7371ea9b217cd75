using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestContainer
{
    public string? Name { get; set; }

    public string? Image { get; set; }

    public List<string>? Args { get; set; }

    [PatchMergeKey("name")]
    [PatchStrategy("merge")]
    public List<TestEnvVar>? Env { get; set; }

    [PatchMergeKey("containerPort")]
    [PatchStrategy("merge")]
    public List<TestContainerPort>? Ports { get; set; }

    [PatchMergeKey("mountPath")]
    [PatchStrategy("merge")]
    public List<TestVolumeMount>? VolumeMounts { get; set; }

    public Dictionary<string, Quantity>? Limits { get; set; }
}
