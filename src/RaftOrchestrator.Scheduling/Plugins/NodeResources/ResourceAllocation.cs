using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Plugins.NodeResources;

/// <summary>
/// The (allocatable, requested-including-this-pod) pair per scored resource, as kube-scheduler's
/// resourceAllocationScorer computes it. With <c>useRequested</c> false (NodeResourcesFit) cpu and memory use the
/// non-zero totals (100m / 200Mi per container without a request); a scalar resource the pod does not request
/// yields (0, 0), which the scorers skip.
/// </summary>
internal static class ResourceAllocation
{
    public static void Fill(ResourceSpec[] resources, PodInfo pod, NodeInfo node, bool useRequested, Span<long> allocatable, Span<long> requested)
    {
        for (int i = 0; i < resources.Length; i++)
        {
            string name = resources[i].Name;
            switch (name)
            {
                case ResourceNames.Cpu:
                    allocatable[i] = node.Allocatable.MilliCpu;
                    requested[i] = useRequested ? node.Requested.MilliCpu + pod.Requests.MilliCpu : node.NonZeroMilliCpu + pod.NonZeroMilliCpu;
                    break;
                case ResourceNames.Memory:
                    allocatable[i] = node.Allocatable.Memory;
                    requested[i] = useRequested ? node.Requested.Memory + pod.Requests.Memory : node.NonZeroMemory + pod.NonZeroMemory;
                    break;
                case ResourceNames.EphemeralStorage:
                    allocatable[i] = node.Allocatable.EphemeralStorage;
                    requested[i] = node.Requested.EphemeralStorage + pod.Requests.EphemeralStorage;
                    break;
                default:
                    long podRequest = pod.Requests.GetScalar(name);
                    allocatable[i] = podRequest == 0 ? 0 : node.Allocatable.GetScalar(name);
                    requested[i] = podRequest == 0 ? 0 : node.Requested.GetScalar(name) + podRequest;
                    break;
            }
        }
    }
}
