using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestPodSpec
{
    [PatchMergeKey("name")]
    [PatchStrategy("merge")]
    public List<TestContainer>? Containers { get; set; }

    [PatchMergeKey("name")]
    [PatchStrategy("merge,retainKeys")]
    public List<TestVolume>? Volumes { get; set; }

    public Dictionary<string, string>? NodeSelector { get; set; }

    public long? TerminationGracePeriodSeconds { get; set; }
}
