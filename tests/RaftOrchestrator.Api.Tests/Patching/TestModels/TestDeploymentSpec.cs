using System.Text.Json.Serialization;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

public sealed class TestDeploymentSpec
{
    public int? Replicas { get; set; }

    [PatchStrategy("retainKeys")]
    public TestDeploymentStrategy? Strategy { get; set; }

    public TestPodTemplate? Template { get; set; }

    [JsonPropertyName("minReadySeconds")]
    public int? MinReady { get; set; }

    [JsonIgnore]
    public string? Hidden { get; set; }
}
