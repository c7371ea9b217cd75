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
    /// <summary>The resources' names classified once (a plugin does it at construction): 0 cpu, 1 memory, 2 ephemeral-storage, 3 scalar.</summary>
    public static int[] Kinds(ResourceSpec[] resources) =>
        [.. resources.Select(r => r.Name switch
        {
            ResourceNames.Cpu => 0,
            ResourceNames.Memory => 1,
            ResourceNames.EphemeralStorage => 2,
            _ => 3,
        })];

    public static void Fill(ResourceSpec[] resources, int[] kinds, PodInfo pod, NodeInfo node, bool useRequested, Span<long> allocatable, Span<long> requested)
    {
        for (int i = 0; i < resources.Length; i++)
        {
            switch (kinds[i])
            {
                case 0:
                    allocatable[i] = node.Allocatable.MilliCpu;
                    requested[i] = useRequested ? node.Requested.MilliCpu + pod.Requests.MilliCpu : node.NonZeroMilliCpu + pod.NonZeroMilliCpu;
                    break;
                case 1:
                    allocatable[i] = node.Allocatable.Memory;
                    requested[i] = useRequested ? node.Requested.Memory + pod.Requests.Memory : node.NonZeroMemory + pod.NonZeroMemory;
                    break;
                case 2:
                    allocatable[i] = node.Allocatable.EphemeralStorage;
                    requested[i] = node.Requested.EphemeralStorage + pod.Requests.EphemeralStorage;
                    break;
                default:
                    string name = resources[i].Name;
                    long podRequest = pod.Requests.GetScalar(name);
                    allocatable[i] = podRequest == 0 ? 0 : node.Allocatable.GetScalar(name);
                    requested[i] = podRequest == 0 ? 0 : node.Requested.GetScalar(name) + podRequest;
                    break;
            }
        }
    }
}
