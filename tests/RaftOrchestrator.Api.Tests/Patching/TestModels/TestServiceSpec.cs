using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestServiceSpec
{
    [PatchMergeKey("port")]
    [PatchStrategy("merge")]
    public List<TestServicePort>? Ports { get; set; }

    public Dictionary<string, string>? Selector { get; set; }

    public string? Type { get; set; }
}
