namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestOwnerReference
{
    public string? Uid { get; set; }

    public string? Kind { get; set; }

    public string? Name { get; set; }

    public bool? Controller { get; set; }
}
