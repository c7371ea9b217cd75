using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class PodIP
{
    [Key(0)] public string IP { get; set; } = "";
}
