namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

/// <summary>A Service-shaped root.</summary>
public sealed class TestService
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public TestMeta Metadata { get; set; } = new();

    public TestServiceSpec? Spec { get; set; }
}
