using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class NodeFeatures
{
    [Key(0)] public bool? SupplementalGroupsPolicy { get; set; }
}
