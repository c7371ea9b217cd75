namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestConfigMapSource
{
    public string? Name { get; set; }
}
