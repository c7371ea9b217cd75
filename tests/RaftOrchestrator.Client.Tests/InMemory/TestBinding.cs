using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client.Tests.InMemory;

/// <summary>A core/v1 Binding shape (the model has no Binding type yet): metadata names the pod, target the node.</summary>
public sealed class TestBinding : IKubernetesObject
{
    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "Binding";

    public ObjectMeta Metadata { get; set; } = new();

    public Reference Target { get; set; } = new();

    public sealed class Reference
    {
        public string? Name { get; set; }
    }
}
