using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class PodReadinessGate
{
    [Key(0)] public string ConditionType { get; set; } = "";
}
