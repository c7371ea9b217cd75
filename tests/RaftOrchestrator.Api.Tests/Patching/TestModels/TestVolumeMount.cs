namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestVolumeMount
{
    public string? Name { get; set; }

    public string? MountPath { get; set; }

    public bool? ReadOnly { get; set; }
}
