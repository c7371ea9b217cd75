using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Nodes;

public sealed partial class NodeHealthMonitor
{
    /// <summary>How soon a node whose taint could not be written is tried again (its place in the zone queue is kept).</summary>
    private static readonly TimeSpan s_taintRetry = TimeSpan.FromMilliseconds(50);

    private static readonly Taint s_unreachable = new() { Key = NodeTaints.Unreachable, Effect = NodeTaints.NoExecute };
    private static readonly Taint s_notReady = new() { Key = NodeTaints.NotReady, Effect = NodeTaints.NoExecute };

    /// <summary>The zone queues' lengths (for tests and diagnostics).</summary>
    public int QueuedForTainting => _tainters.Values.Sum(t => t.Count);

    /// <summary>One tainting pass: every zone's queue, as far as its rate allows.</summary>
    public async Task TaintAsync(CancellationToken cancellationToken)
    {
        foreach (string zone in _tainters.Keys.Order(StringComparer.Ordinal).ToArray())
        {
            await _tainters[zone].TryAsync(TaintOneAsync, cancellationToken);
        }
    }

    /// <summary>
    /// Kubernetes' processTaintBaseEviction. A node that is not ready gets the NoExecute taint of its state through its
    /// zone's rate-limited queue — unless it already has the other one, which is swapped at once (only the kind of
    /// trouble changed, not whether pods should leave). A ready node loses both at once.
    /// </summary>
    private async Task ProcessTaintBasedEvictionAsync(Node node, string ready, CancellationToken cancellationToken)
    {
        if (TaintsFor(ready) is not (Taint add, Taint opposite))
        {
            if (ready == "True")
            {
                await MarkReachableAsync(node, cancellationToken);
            }
            return;
        }
        string name = node.Metadata.Name ?? "";
        if (NodeTaints.Has(node, opposite.Key, NodeTaints.NoExecute))
        {
            if (!await NodeWrites.SwapTaintsAsync(_client, node, [add], [opposite], ApiTime.Now(_time), cancellationToken))
            {
                NodeLifecycleLog.TaintWriteFailed(_logger, name);
            }
            return;
        }
        if (!NodeTaints.Has(node, add.Key, NodeTaints.NoExecute) && _tainters[NodeZones.KeyOf(node)].Add(name))
        {
            NodeLifecycleLog.QueuedForTainting(_logger, name, ready);
        }
    }

    /// <summary>Removes both NoExecute taints and the node's place in its zone queue.</summary>
    private async Task MarkReachableAsync(Node node, CancellationToken cancellationToken)
    {
        string name = node.Metadata.Name ?? "";
        _tainters.GetValueOrDefault(NodeZones.KeyOf(node))?.Remove(name);
        if (NodeTaints.Has(node, NodeTaints.Unreachable, NodeTaints.NoExecute) || NodeTaints.Has(node, NodeTaints.NotReady, NodeTaints.NoExecute))
        {
            if (await NodeWrites.SwapTaintsAsync(_client, node, [], [s_unreachable, s_notReady], ApiTime.Now(_time), cancellationToken))
            {
                NodeLifecycleLog.Untainted(_logger, name);
            }
            else
            {
                NodeLifecycleLog.TaintWriteFailed(_logger, name);
            }
        }
    }

    /// <summary>Taints one queued node by the Ready status the monitor last saw; null when done with it.</summary>
    private async ValueTask<TimeSpan?> TaintOneAsync(string name, CancellationToken cancellationToken)
    {
        Node? node = _nodes.Get(null, name);
        if (node is null)
        {
            return null;
        }
        string? ready = _health.GetValueOrDefault(name)?.ReadyStatus;
        if (ready is null)
        {
            return s_taintRetry;
        }
        if (TaintsFor(ready) is not (Taint add, Taint opposite))
        {
            return null;
        }
        if (!await NodeWrites.SwapTaintsAsync(_client, node, [add], [opposite], ApiTime.Now(_time), cancellationToken))
        {
            NodeLifecycleLog.TaintWriteFailed(_logger, name);
            return s_taintRetry;
        }
        NodeLifecycleLog.Tainted(_logger, name, add.Key);
        return null;
    }

    /// <summary>The NoExecute taint a Ready status calls for and the one it excludes; null for a ready node.</summary>
    private static (Taint Add, Taint Opposite)? TaintsFor(string? ready) => ready switch
    {
        "False" => (s_notReady, s_unreachable),
        "Unknown" => (s_unreachable, s_notReady),
        _ => null,
    };
}
