using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// core/v1 Secret. <see cref="StringData"/> is write-only: the strategy merges it into <see cref="Data"/> (its keys
/// win) and clears it, so it is never stored or returned.
/// </summary>
[MessagePackObject]
public sealed class Secret : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public Dictionary<string, byte[]>? Data { get; set; }

    [Key(4)] public Dictionary<string, string>? StringData { get; set; }

    /// <summary>Defaults to "Opaque".</summary>
    [Key(5)] public string? Type { get; set; }

    [Key(6)] public bool? Immutable { get; set; }
}
