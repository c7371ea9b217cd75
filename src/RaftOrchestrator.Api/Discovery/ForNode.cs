using MessagePack;

namespace RaftOrchestrator.Api.Discovery;

[MessagePackObject]
public sealed class ForNode
{
    [Key(0)] public string Name { get; set; } = "";
}
