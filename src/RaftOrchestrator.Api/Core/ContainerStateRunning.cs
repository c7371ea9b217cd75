using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ContainerStateRunning
{
    [Key(0)] public DateTime? StartedAt { get; set; }
}
