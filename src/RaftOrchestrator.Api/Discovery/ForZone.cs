using MessagePack;

namespace RaftOrchestrator.Api.Discovery;

[MessagePackObject]
public sealed class ForZone
{
    [Key(0)] public string Name { get; set; } = "";
}
