using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ClientIPConfig
{
    /// <summary>Defaults to 10800 (3 hours) for ClientIP affinity.</summary>
    [Key(0)] public int? TimeoutSeconds { get; set; }
}
