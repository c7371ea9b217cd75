using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Server.Kube.Endpoints;

namespace RaftOrchestrator.Server.Kube.Kinds;

/// <summary>
/// Pods bound to a node are deleted gracefully: marked with deletionTimestamp = now + grace and the grace period,
/// and removed by the node agent once its containers stopped (or by a delete with grace 0). A pod that never reached
/// a node, or has finished, is deleted at once, as kube-apiserver does.
/// </summary>
public sealed class PodDeletionPolicy : IDeletionPolicy<Pod>
{
    public bool BeginGracefulDeletion(Pod value, DeleteOptions options, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        long grace = options.GracePeriodSeconds ?? value.Spec.TerminationGracePeriodSeconds ?? 30;
        bool finished = value.Status?.Phase is "Succeeded" or "Failed";
        if (string.IsNullOrEmpty(value.Spec.NodeName) || finished || grace <= 0)
        {
            return false;
        }
        value.Metadata.DeletionTimestamp = now.AddSeconds(grace);
        value.Metadata.DeletionGracePeriodSeconds = grace;
        return true;
    }
}
