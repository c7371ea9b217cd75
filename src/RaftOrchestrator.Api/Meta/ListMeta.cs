using MessagePack;

namespace RaftOrchestrator.Api.Meta;

[MessagePackObject]
public sealed class ListMeta
{
    [Key(0)] public string? ResourceVersion { get; set; }

    /// <summary>Opaque token for the next page; absent on the last page.</summary>
    [Key(1)] public string? Continue { get; set; }

    [Key(2)] public long? RemainingItemCount { get; set; }

    [Key(3)] public string? SelfLink { get; set; }
}
