using MessagePack;

namespace RaftOrchestrator.Api.Meta;

/// <summary>The list of any kind ("PodList" is <c>ObjectList&lt;Pod&gt;</c> with kind PodList): one generic type, so a new kind needs no list type.</summary>
[MessagePackObject]
public sealed class ObjectList<T> : IKubernetesList<T> where T : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ListMeta Metadata { get; set; } = new();

    [Key(3)] public List<T> Items { get; set; } = [];
}
