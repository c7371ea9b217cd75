using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class SessionAffinityConfig
{
    [Key(0)] public ClientIPConfig? ClientIP { get; set; }
}
