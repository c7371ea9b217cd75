namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestPodTemplate
{
    public TestMeta? Metadata { get; set; }

    public TestPodSpec? Spec { get; set; }
}
