using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Queues;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>
/// Queues every pod bound to a node whose NoExecute taints changed (a node's status heartbeats change nothing here,
/// so they queue nothing), and to a node that appeared with or disappeared with such taints.
/// </summary>
internal sealed class NoExecuteTaintHandler(IWorkQueue<ObjectKey> queue, ILister<Pod> pods, string podsByNodeIndex) : IResourceEventHandler<Node>
{
    public void OnAdd(Node value)
    {
        if (NodeTaints.NoExecuteOf(value).Count > 0)
        {
            EnqueuePods(value);
        }
    }

    public void OnUpdate(Node previous, Node current)
    {
        if (!SameTaints(NodeTaints.NoExecuteOf(previous), NodeTaints.NoExecuteOf(current)))
        {
            EnqueuePods(current);
        }
    }

    public void OnDelete(Node value) => OnAdd(value);

    private static bool SameTaints(IReadOnlyList<Taint> a, IReadOnlyList<Taint> b) =>
        a.Count == b.Count && a.All(x => b.Any(y => NodeTaints.Matches(x, y) && x.Value == y.Value && x.TimeAdded == y.TimeAdded));

    private void EnqueuePods(Node node)
    {
        foreach (Pod pod in pods.ByIndex(podsByNodeIndex, node.Metadata.Name ?? ""))
        {
            queue.Add(ObjectKey.Of(pod));
        }
    }
}
