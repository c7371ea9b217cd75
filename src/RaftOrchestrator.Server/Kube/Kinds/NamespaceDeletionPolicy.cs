using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Server.Kube.Endpoints;

namespace RaftOrchestrator.Server.Kube.Kinds;

/// <summary>
/// A namespace with spec.finalizers is not deleted at once: it turns Terminating, the namespace finalizer deletes
/// its contents, then removes the "kubernetes" finalizer, and the namespace goes.
/// </summary>
public sealed class NamespaceDeletionPolicy : IDeletionPolicy<Namespace>
{
    public bool BeginGracefulDeletion(Namespace value, DeleteOptions options, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(value);
        if ((value.Spec?.Finalizers?.Count ?? 0) == 0)
        {
            return false;
        }
        value.Metadata.DeletionTimestamp = now;
        value.Metadata.DeletionGracePeriodSeconds = 0;
        value.Status ??= new NamespaceStatus();
        value.Status.Phase = "Terminating";
        return true;
    }
}
