using MessagePack;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ServiceStatus
{
    [Key(0)] public LoadBalancerStatus? LoadBalancer { get; set; }

    [Key(1)]
    [PatchMergeKey("type")]
    public List<Condition>? Conditions { get; set; }
}
