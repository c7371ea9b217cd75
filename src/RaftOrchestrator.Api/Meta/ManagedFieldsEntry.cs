using System.Text.Json;
using MessagePack;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Api.Meta;

/// <summary>One field manager's ownership record (server-side apply). <see cref="FieldsV1"/> is the fieldsV1 trie as JSON.</summary>
[MessagePackObject]
public sealed class ManagedFieldsEntry
{
    [Key(0)] public string? Manager { get; set; }

    /// <summary>"Apply" or "Update".</summary>
    [Key(1)] public string? Operation { get; set; }

    [Key(2)] public string? ApiVersion { get; set; }

    [Key(3)] public DateTime? Time { get; set; }

    [Key(4)] public string? FieldsType { get; set; }

    [Key(5)]
    [MessagePackFormatter(typeof(JsonElementMessagePackFormatter))]
    public JsonElement? FieldsV1 { get; set; }

    [Key(6)] public string? Subresource { get; set; }
}
