using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Plugins.InterPodAffinity;

public sealed partial class InterPodAffinity
{
    /// <summary>
    /// A counting nominated pod with required anti-affinity keeps the Filter on even when nothing placed has any:
    /// filtering adds that pod to its node (AddPod), and a skipped Filter would let the incoming pod take the room
    /// the nominated pod's anti-affinity is to keep clear of it.
    /// </summary>
    private static bool NominatedWithRequiredAntiAffinity(CycleState state, PodInfo pod)
    {
        if (state.NominatedPods is not { NodeNames.Count: > 0 } nominated)
        {
            return false;
        }
        foreach (string node in nominated.NodeNames)
        {
            foreach (PodInfo p in nominated.NominatedPodsForNode(node))
            {
                if (p.HasRequiredAntiAffinity && SchedulingFramework.Counts(pod, p))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
