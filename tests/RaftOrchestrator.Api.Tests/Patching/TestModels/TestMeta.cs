using System.Text.Json;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Tests.Patching.TestModels;

/// <summary>ObjectMeta's patch-relevant fields.</summary>
public sealed class TestMeta
{
    public string? Name { get; set; }

    public string? Namespace { get; set; }

    public string? Uid { get; set; }

    public Dictionary<string, string>? Labels { get; set; }

    public Dictionary<string, string>? Annotations { get; set; }

    [PatchMergeKey("uid")]
    public List<TestOwnerReference>? OwnerReferences { get; set; }

    [PatchStrategy("merge")]
    public List<string>? Finalizers { get; set; }

    public List<JsonElement>? ManagedFields { get; set; }
}
