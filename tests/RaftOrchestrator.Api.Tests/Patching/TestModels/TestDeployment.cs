namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

/// <summary>A Deployment-shaped root.</summary>
public sealed class TestDeployment
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public TestMeta Metadata { get; set; } = new();

    public TestDeploymentSpec? Spec { get; set; }

    public TestPodStatus? Status { get; set; }
}
