using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestRollingUpdate
{
    public IntOrString? MaxSurge { get; set; }

    public IntOrString? MaxUnavailable { get; set; }
}
