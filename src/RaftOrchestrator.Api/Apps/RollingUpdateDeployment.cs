using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Apps;

[MessagePackObject]
public sealed class RollingUpdateDeployment
{
    [Key(0)] public IntOrString? MaxUnavailable { get; set; }

    [Key(1)] public IntOrString? MaxSurge { get; set; }
}
