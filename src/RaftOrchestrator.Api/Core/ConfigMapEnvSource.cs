using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ConfigMapEnvSource
{
    [Key(0)] public string? Name { get; set; }

    [Key(1)] public bool? Optional { get; set; }
}
