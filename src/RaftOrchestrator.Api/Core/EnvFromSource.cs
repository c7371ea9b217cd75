using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class EnvFromSource
{
    [Key(0)] public string? Prefix { get; set; }

    [Key(1)] public ConfigMapEnvSource? ConfigMapRef { get; set; }

    [Key(2)] public SecretEnvSource? SecretRef { get; set; }
}
