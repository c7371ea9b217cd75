using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>A pod just bound to a node whose Ready condition is not True is marked not ready (Kubernetes' processPod).</summary>
public sealed class PodNotReadyReconciler(IClusterClient client, ILister<Pod> pods, ILister<Node> nodes, IEventRecorder events, TimeProvider time) : IReconciler
{
    public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        Pod? pod = pods.Get(key.Namespace, key.Name);
        if (pod?.Spec.NodeName is not { Length: > 0 } nodeName || nodes.Get(null, nodeName) is not { } node)
        {
            return ReconcileResult.Done;
        }
        if (NodeReadiness.ReadyStatus(node) is null or "True")
        {
            return ReconcileResult.Done;
        }
        return await NodeWrites.MarkPodsNotReadyAsync(client, events, [pod], nodeName, ApiTime.Now(time), cancellationToken)
            ? ReconcileResult.Done
            : ReconcileResult.Retry($"pod {key} not marked not ready");
    }
}
