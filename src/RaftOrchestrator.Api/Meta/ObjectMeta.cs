using System.Text.Json.Serialization;
using MessagePack;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Meta;

/// <summary>
/// metadata of every object (meta/v1 ObjectMeta). ResourceVersion is not stored: the store's mod revision of the
/// key is the resource version, set when the object is read.
/// </summary>
[MessagePackObject]
public sealed class ObjectMeta
{
    [Key(0)] public string? Name { get; set; }

    [Key(1)] public string? GenerateName { get; set; }

    [Key(2)] public string? Namespace { get; set; }

    [Key(3)] public string? Uid { get; set; }

    [Key(4)] public string? ResourceVersion { get; set; }

    [Key(5)] public long? Generation { get; set; }

    [Key(6)] public DateTime? CreationTimestamp { get; set; }

    [Key(7)] public DateTime? DeletionTimestamp { get; set; }

    [Key(8)] public long? DeletionGracePeriodSeconds { get; set; }

    [Key(9)] public Dictionary<string, string>? Labels { get; set; }

    [Key(10)] public Dictionary<string, string>? Annotations { get; set; }

    [Key(11)]
    [PatchMergeKey("uid")]
    public List<OwnerReference>? OwnerReferences { get; set; }

    [Key(12)]
    [PatchStrategy("merge")]
    public List<string>? Finalizers { get; set; }

    [Key(13)] public List<ManagedFieldsEntry>? ManagedFields { get; set; }

    /// <summary>Deprecated in Kubernetes (ignored, kept so old manifests decode).</summary>
    [Key(14)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SelfLink { get; set; }
}
