using MessagePack;

namespace RaftOrchestrator.Api.Meta;

/// <summary>One reason for a failure, e.g. a field that failed validation ("FieldValueRequired" on "metadata.name").</summary>
[MessagePackObject]
public sealed class StatusCause
{
    [Key(0)] public string? Reason { get; set; }

    [Key(1)] public string? Message { get; set; }

    [Key(2)] public string? Field { get; set; }
}
