using RaftOrchestrator.Client;

namespace RaftOrchestrator.Controllers.Framework;

/// <summary>
/// Level-based reconcile (controller-runtime's contract): read the current state of the key's object from the
/// listers, compare it with the desired state, and act to converge them. Never driven by an event's delta; must be
/// idempotent, since the same key is reconciled again on every change and resync. Never called concurrently for
/// the same key (the work queue's guarantee).
/// </summary>
public interface IReconciler
{
    ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken);
}
