using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Plugins.NodeResources;

/// <summary>
/// Filter: the node must have room for the pod's effective requests (cpu, memory, ephemeral-storage, each
/// extended resource) and one more pod. Each shortfall is a reason ("Insufficient cpu", "Too many pods"); the
/// status is UnschedulableAndUnresolvable when the pod asks for more than the node's whole allocatable of some
/// resource (no preemption could help), Unschedulable otherwise.
/// Score: the configured strategy (LeastAllocated by default) over the configured resources.
/// </summary>
public sealed class NodeResourcesFit : IFilterPlugin, IScorePlugin
{
    public const string TooManyPods = "Too many pods";

    private static readonly Status s_tooManyPods = Status.Unschedulable(PluginNames.NodeResourcesFit, TooManyPods);
    private static readonly Status s_cpu = Status.Unschedulable(PluginNames.NodeResourcesFit, "Insufficient cpu");
    private static readonly Status s_memory = Status.Unschedulable(PluginNames.NodeResourcesFit, "Insufficient memory");

    private readonly ScoringStrategy _strategy;
    private readonly ResourceSpec[] _resources;
    private readonly int[] _kinds;
    private readonly long[] _weights;
    private readonly IReadOnlyList<UtilizationShapePoint> _shape;

    public NodeResourcesFit(NodeResourcesFitArgs? args = null)
    {
        _strategy = args?.ScoringStrategy ?? ScoringStrategy.Default;
        _resources = [.. _strategy.Resources.Count == 0 ? ScoringStrategy.DefaultResources : _strategy.Resources];
        _kinds = ResourceAllocation.Kinds(_resources);
        _weights = [.. _resources.Select(r => r.Weight == 0 ? 1 : r.Weight)];
        _shape = _strategy.Shape is { Count: > 0 } shape ? shape : [new UtilizationShapePoint(0, 0), new UtilizationShapePoint(100, 10)];
    }

    public string Name => PluginNames.NodeResourcesFit;

    public Status Filter(CycleState state, PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        Resource request = pod.Requests;
        Resource allocatable = node.Allocatable;
        Resource used = node.Requested;
        bool tooManyPods = node.Pods.Count + 1 > allocatable.AllowedPodNumber;
        bool cpu = request.MilliCpu > 0 && request.MilliCpu > allocatable.MilliCpu - used.MilliCpu;
        bool memory = request.Memory > 0 && request.Memory > allocatable.Memory - used.Memory;
        bool storage = request.EphemeralStorage > 0 && request.EphemeralStorage > allocatable.EphemeralStorage - used.EphemeralStorage;
        bool scalar = request.Scalar is { Count: > 0 } && ScalarShort(request, allocatable, used);
        if (!(tooManyPods || cpu || memory || storage || scalar))
        {
            return Status.Success;
        }
        // The common single-reason cases reuse one Status instance; anything else builds its reasons.
        bool unresolvable = request.MilliCpu > allocatable.MilliCpu || request.Memory > allocatable.Memory
            || request.EphemeralStorage > allocatable.EphemeralStorage || ScalarExceedsAllocatable(request, allocatable);
        int count = (tooManyPods ? 1 : 0) + (cpu ? 1 : 0) + (memory ? 1 : 0) + (storage ? 1 : 0) + (scalar ? 1 : 0);
        if (!unresolvable && count == 1 && (tooManyPods || cpu || memory))
        {
            return tooManyPods ? s_tooManyPods : cpu ? s_cpu : s_memory;
        }
        var reasons = new List<string>(4);
        if (tooManyPods)
        {
            reasons.Add(TooManyPods);
        }
        if (cpu)
        {
            reasons.Add("Insufficient cpu");
        }
        if (memory)
        {
            reasons.Add("Insufficient memory");
        }
        if (storage)
        {
            reasons.Add("Insufficient ephemeral-storage");
        }
        if (scalar)
        {
            foreach ((string name, long quantity) in request.Scalar!.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (quantity > allocatable.GetScalar(name) - used.GetScalar(name))
                {
                    reasons.Add("Insufficient " + name);
                }
            }
        }
        return Status.Create(unresolvable ? StatusCode.UnschedulableAndUnresolvable : StatusCode.Unschedulable, Name, [.. reasons]);
    }

    public Status Score(CycleState state, PodInfo pod, NodeInfo node, out long score)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        int n = _resources.Length;
        Span<long> allocatable = stackalloc long[n];
        Span<long> requested = stackalloc long[n];
        ResourceAllocation.Fill(_resources, _kinds, pod, node, useRequested: false, allocatable, requested);
        score = _strategy.Type switch
        {
            ScoringStrategyType.MostAllocated => ResourceScorers.MostAllocated(requested, allocatable, _weights),
            ScoringStrategyType.RequestedToCapacityRatio => ResourceScorers.RequestedToCapacityRatio(requested, allocatable, _weights, _shape),
            _ => ResourceScorers.LeastAllocated(requested, allocatable, _weights),
        };
        return Status.Success;
    }

    private static bool ScalarShort(Resource request, Resource allocatable, Resource used)
    {
        foreach ((string name, long quantity) in request.Scalar!)
        {
            if (quantity > 0 && quantity > allocatable.GetScalar(name) - used.GetScalar(name))
            {
                return true;
            }
        }
        return false;
    }

    private static bool ScalarExceedsAllocatable(Resource request, Resource allocatable)
    {
        if (request.Scalar is null)
        {
            return false;
        }
        foreach ((string name, long quantity) in request.Scalar)
        {
            if (quantity > allocatable.GetScalar(name))
            {
                return true;
            }
        }
        return false;
    }
}
