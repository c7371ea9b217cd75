namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

/// <summary>A Pod-shaped root for patch tests (the real model is written elsewhere).</summary>
public sealed class TestPod
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public TestMeta Metadata { get; set; } = new();

    public TestPodSpec? Spec { get; set; }

    public TestPodStatus? Status { get; set; }
}
