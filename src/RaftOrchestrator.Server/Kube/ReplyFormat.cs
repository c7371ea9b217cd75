namespace RaftOrchestrator.Server.Kube;

public enum ReplyFormat
{
    Json = 0,
    /// <summary>meta.k8s.io/v1 Table, what kubectl get prints from.</summary>
    Table,
    /// <summary>application/vnd.raftorchestrator.msgpack: the stored bytes, for internal components.</summary>
    MessagePack,
    /// <summary>apidiscovery.k8s.io/v2 APIGroupDiscoveryList (only /api and /apis).</summary>
    AggregatedDiscovery,
}
