using System.Text.Json.Serialization;
using MessagePack;

namespace RaftOrchestrator.Api.Meta;

/// <summary>
/// meta/v1 Status: the body of every error reply and of some successful deletes. <see cref="Code"/> equals the HTTP
/// status; kubectl words its message from <see cref="Reason"/>.
/// </summary>
[MessagePackObject]
public sealed class Status
{
    [Key(0)] public string? ApiVersion { get; set; } = "v1";

    [Key(1)] public string? Kind { get; set; } = "Status";

    [Key(2)] public ListMeta Metadata { get; set; } = new();

    /// <summary>"Success" or "Failure".</summary>
    [Key(3)]
    [JsonPropertyName("status")]
    public string? Outcome { get; set; }

    [Key(4)] public string? Message { get; set; }

    [Key(5)] public string? Reason { get; set; }

    [Key(6)] public StatusDetails? Details { get; set; }

    [Key(7)] public int Code { get; set; }
}
