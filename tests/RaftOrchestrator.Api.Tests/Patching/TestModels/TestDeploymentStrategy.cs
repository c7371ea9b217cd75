namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestDeploymentStrategy
{
    public string? Type { get; set; }

    public TestRollingUpdate? RollingUpdate { get; set; }
}
