using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class EmptyDirVolumeSource
{
    /// <summary>"" (node disk) or Memory.</summary>
    [Key(0)] public string? Medium { get; set; }

    [Key(1)] public Quantity? SizeLimit { get; set; }
}
