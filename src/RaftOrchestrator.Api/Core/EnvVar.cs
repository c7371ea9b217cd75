using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class EnvVar
{
    [Key(0)] public string Name { get; set; } = "";

    [Key(1)] public string? Value { get; set; }

    [Key(2)] public EnvVarSource? ValueFrom { get; set; }
}
