using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class PersistentVolumeClaimVolumeSource
{
    [Key(0)] public string ClaimName { get; set; } = "";

    [Key(1)] public bool? ReadOnly { get; set; }
}
