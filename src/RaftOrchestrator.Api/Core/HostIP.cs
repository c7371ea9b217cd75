using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class HostIP
{
    [Key(0)] public string IP { get; set; } = "";
}
