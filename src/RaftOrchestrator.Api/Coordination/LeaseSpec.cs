using System.Text.Json.Serialization;
using MessagePack;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Api.Coordination;

[MessagePackObject]
public sealed class LeaseSpec
{
    [Key(0)] public string? HolderIdentity { get; set; }

    [Key(1)] public int? LeaseDurationSeconds { get; set; }

    [Key(2)]
    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTime? AcquireTime { get; set; }

    [Key(3)]
    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTime? RenewTime { get; set; }

    [Key(4)] public int? LeaseTransitions { get; set; }

    /// <summary>Coordinated leader election strategy ("OldestEmulationVersion").</summary>
    [Key(5)] public string? Strategy { get; set; }

    [Key(6)] public string? PreferredHolder { get; set; }
}
