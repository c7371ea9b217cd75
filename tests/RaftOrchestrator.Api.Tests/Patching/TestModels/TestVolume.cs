using System.Text.Json;

namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

/// <summary>A volume with its source inline, as Kubernetes' Volume embeds VolumeSource.</summary>
public sealed class TestVolume
{
    public string? Name { get; set; }

    public JsonElement? EmptyDir { get; set; }

    public TestConfigMapSource? ConfigMap { get; set; }

    public TestHostPathSource? HostPath { get; set; }
}
