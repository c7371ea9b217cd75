namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestHostPathSource
{
    public string? Path { get; set; }
}
