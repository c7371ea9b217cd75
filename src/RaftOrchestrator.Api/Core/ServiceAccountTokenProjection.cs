using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ServiceAccountTokenProjection
{
    [Key(0)] public string? Audience { get; set; }

    /// <summary>Defaulted to 3600.</summary>
    [Key(1)] public long? ExpirationSeconds { get; set; }

    [Key(2)] public string Path { get; set; } = "";
}
