namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestEnvVar
{
    public string? Name { get; set; }

    public string? Value { get; set; }
}
