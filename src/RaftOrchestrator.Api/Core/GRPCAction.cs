using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class GRPCAction
{
    [Key(0)] public int Port { get; set; }

    [Key(1)] public string? Service { get; set; }
}
