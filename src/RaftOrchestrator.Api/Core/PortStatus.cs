using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class PortStatus
{
    [Key(0)] public int Port { get; set; }

    [Key(1)] public string Protocol { get; set; } = "";

    [Key(2)] public string? Error { get; set; }
}
