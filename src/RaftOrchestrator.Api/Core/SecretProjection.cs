using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class SecretProjection
{
    [Key(0)] public string? Name { get; set; }

    [Key(1)] public List<KeyToPath>? Items { get; set; }

    [Key(2)] public bool? Optional { get; set; }
}
