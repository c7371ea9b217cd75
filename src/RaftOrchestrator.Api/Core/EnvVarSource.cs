using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>Exactly one source.</summary>
[MessagePackObject]
public sealed class EnvVarSource
{
    [Key(0)] public ObjectFieldSelector? FieldRef { get; set; }

    [Key(1)] public ResourceFieldSelector? ResourceFieldRef { get; set; }

    [Key(2)] public ConfigMapKeySelector? ConfigMapKeyRef { get; set; }

    [Key(3)] public SecretKeySelector? SecretKeyRef { get; set; }
}
