using MessagePack;

namespace RaftOrchestrator.Api.Meta;

/// <summary>Which object a Status is about: <see cref="Kind"/> is the plural resource ("pods"), as the real server sends.</summary>
[MessagePackObject]
public sealed class StatusDetails
{
    [Key(0)] public string? Name { get; set; }

    [Key(1)] public string? Group { get; set; }

    [Key(2)] public string? Kind { get; set; }

    [Key(3)] public string? Uid { get; set; }

    [Key(4)] public List<StatusCause>? Causes { get; set; }

    [Key(5)] public int? RetryAfterSeconds { get; set; }
}
