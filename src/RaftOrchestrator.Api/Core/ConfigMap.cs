using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>core/v1 ConfigMap. Keys 0-2 are the same in every kind: apiVersion, kind, metadata.</summary>
[MessagePackObject]
public sealed class ConfigMap : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public Dictionary<string, string>? Data { get; set; }

    /// <summary>base64 in JSON (System.Text.Json's byte[] encoding is Kubernetes' []byte encoding).</summary>
    [Key(4)] public Dictionary<string, byte[]>? BinaryData { get; set; }

    [Key(5)] public bool? Immutable { get; set; }
}
