using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class LoadBalancerStatus
{
    [Key(0)] public List<LoadBalancerIngress>? Ingress { get; set; }
}
