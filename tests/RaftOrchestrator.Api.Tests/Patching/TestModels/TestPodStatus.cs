using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestPodStatus
{
    public string? Phase { get; set; }

    [PatchMergeKey("type")]
    [PatchStrategy("merge")]
    public List<TestCondition>? Conditions { get; set; }
}
