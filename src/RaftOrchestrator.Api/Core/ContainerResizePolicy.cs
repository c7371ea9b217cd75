using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ContainerResizePolicy
{
    [Key(0)] public string ResourceName { get; set; } = "";

    [Key(1)] public string RestartPolicy { get; set; } = "";
}
