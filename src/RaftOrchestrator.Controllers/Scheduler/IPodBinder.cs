namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// Writes bindings to the cluster. The <see cref="BindingPipeline{TJob}"/> hands it groups of at most
/// <see cref="MaxBatchSize"/>; it answers one outcome per binding, in order, as values (a failed call is
/// <see cref="BindOutcomeKind.Failed"/> for each of its bindings, never an exception, unless cancelled).
/// </summary>
public interface IPodBinder
{
    /// <summary>The name in logs and in --binder (binding-batch, pod-binding).</summary>
    string Name { get; }

    int MaxBatchSize { get; }

    Task<IReadOnlyList<BindOutcome>> BindAsync(IReadOnlyList<PodBinding> bindings, CancellationToken cancellationToken);
}
