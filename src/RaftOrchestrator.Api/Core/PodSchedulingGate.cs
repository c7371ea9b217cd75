using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class PodSchedulingGate
{
    [Key(0)] public string Name { get; set; } = "";
}
