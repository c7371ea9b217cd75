using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Plugins.NodeResources;

/// <summary>
/// Favours nodes whose resource fractions (requested / allocatable, with this pod, cpu and memory by default)
/// would be close to each other: 100 × (1 − their standard deviation). Skips best-effort pods (no requests).
/// </summary>
public sealed class NodeResourcesBalancedAllocation : IPreScorePlugin, IScorePlugin
{
    private readonly ResourceSpec[] _resources;
    private readonly int[] _kinds;

    public NodeResourcesBalancedAllocation(NodeResourcesBalancedAllocationArgs? args = null)
    {
        _resources = [.. args?.Resources is { Count: > 0 } r ? r : ScoringStrategy.DefaultResources];
        _kinds = ResourceAllocation.Kinds(_resources);
    }

    public string Name => PluginNames.NodeResourcesBalancedAllocation;

    public Status PreScore(CycleState state, PodInfo pod, Snapshot snapshot, ReadOnlySpan<NodeInfo> feasibleNodes)
    {
        ArgumentNullException.ThrowIfNull(pod);
        foreach (ResourceSpec r in _resources)
        {
            long request = r.Name switch
            {
                ResourceNames.Cpu => pod.Requests.MilliCpu,
                ResourceNames.Memory => pod.Requests.Memory,
                ResourceNames.EphemeralStorage => pod.Requests.EphemeralStorage,
                _ => pod.Requests.GetScalar(r.Name),
            };
            if (request != 0)
            {
                return Status.Success;
            }
        }
        return Status.SkipStatus;
    }

    public Status Score(CycleState state, PodInfo pod, NodeInfo node, out long score)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        int n = _resources.Length;
        Span<long> allocatable = stackalloc long[n];
        Span<long> requested = stackalloc long[n];
        ResourceAllocation.Fill(_resources, _kinds, pod, node, useRequested: true, allocatable, requested);
        score = ResourceScorers.Balanced(requested, allocatable);
        return Status.Success;
    }
}
