using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class TCPSocketAction
{
    [Key(0)] public IntOrString Port { get; set; }

    [Key(1)] public string? Host { get; set; }
}
