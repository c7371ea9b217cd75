using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Server.Kube.Endpoints;

namespace RaftOrchestrator.Server.Kube.Kinds;

/// <summary>
/// A namespace with spec.finalizers is not deleted at once: it turns Terminating, the namespace controller deletes
/// its contents and then removes the "kubernetes" finalizer through the finalize subresource; the update that
/// leaves no finalizer of either kind deletes it.
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

    public bool HoldsDeletion(Namespace value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return (value.Spec?.Finalizers?.Count ?? 0) > 0;
    }
}
