using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ContainerStateTerminated
{
    [Key(0)] public int ExitCode { get; set; }

    [Key(1)] public int? Signal { get; set; }

    [Key(2)] public string? Reason { get; set; }

    [Key(3)] public string? Message { get; set; }

    [Key(4)] public DateTime? StartedAt { get; set; }

    [Key(5)] public DateTime? FinishedAt { get; set; }

    [Key(6)] public string? ContainerID { get; set; }
}
