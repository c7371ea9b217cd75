using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class SecretKeySelector
{
    [Key(0)] public string? Name { get; set; }

    [Key(1)] public string Key { get; set; } = "";

    [Key(2)] public bool? Optional { get; set; }
}
