using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// Binds the pod to the node (the driver's binder writes pods/binding or a batched binding). Skip passes to the
/// next bind plugin; the first non-Skip answer decides.
/// </summary>
public interface IBindPlugin : IPlugin
{
    ValueTask<Status> BindAsync(CycleState state, PodInfo pod, string nodeName, CancellationToken cancellationToken);
}
