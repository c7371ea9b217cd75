namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestContainerPort
{
    public string? Name { get; set; }

    public int? ContainerPort { get; set; }

    public string? Protocol { get; set; }
}
