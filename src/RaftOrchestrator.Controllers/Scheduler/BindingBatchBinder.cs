using RaftOrchestrator.Api.Scheduling;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Bindings;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// Binds a group in one BindingBatch: one request and one Raft entry, each binding re-checked by the server against
/// the node's committed allocations, the whole batch fenced by this scheduler's lease (a deposed leader's batch is
/// refused). Per-binding results map to outcomes: 201 bound; 404 or a pod already bound/terminating gone; anything
/// else (OutOfCapacity, Conflict) refused. A batch refused as a whole (lost fence, no leader) fails every binding.
/// </summary>
public sealed class BindingBatchBinder(IClusterClient client, BindingFence? fence) : IPodBinder
{
    public string Name => "binding-batch";

    public int MaxBatchSize => BindingBatchResourceStrategy.MaxBindings;

    public async Task<IReadOnlyList<BindOutcome>> BindAsync(IReadOnlyList<PodBinding> bindings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        PodBindingTarget[] targets = [.. bindings.Select(b => new PodBindingTarget { Namespace = b.Namespace, Name = b.Name, Uid = b.Uid, NodeName = b.NodeName })];
        ApiResult<BindingBatchStatus> result = await client.BindBatchAsync(targets, fence, cancellationToken).ConfigureAwait(false);
        if (!result.IsOk)
        {
            var failed = new BindOutcome(result.IsTransient ? BindOutcomeKind.Failed : BindOutcomeKind.Refused, $"batch refused: {result.Error.Message}");
            return [.. bindings.Select(_ => failed)];
        }
        return [.. result.Value.Results.Select(Classify)];
    }

    internal static BindOutcome Classify(BindingResult result)
    {
        if (result.IsBound)
        {
            return BindOutcome.Bound;
        }
        string message = result.Message ?? result.Reason ?? "refused";
        bool gone = result.Code == 404
            || (result.Code == 409 && result.Reason == "Conflict"
                && (message.Contains("already assigned", StringComparison.Ordinal) || message.Contains("being deleted", StringComparison.Ordinal)));
        return new BindOutcome(gone ? BindOutcomeKind.Gone : BindOutcomeKind.Refused, message);
    }
}
