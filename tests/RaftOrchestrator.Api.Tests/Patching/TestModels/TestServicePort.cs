using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestServicePort
{
    public string? Name { get; set; }

    public int? Port { get; set; }

    public IntOrString? TargetPort { get; set; }
}
