using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Scheduling;
using RaftOrchestrator.Api.Validation;
using RaftOrchestrator.Server.Kube.Bindings;
using RaftOrchestrator.Server.Kube.Endpoints;

namespace RaftOrchestrator.Server.Kube.Kinds;

/// <summary>
/// POST bindingbatches: validates the batch (422 with causes; more than
/// <see cref="BindingBatchResourceStrategy.MaxBindings"/> bindings is one of them), applies it through
/// <see cref="BindingBatchApplier"/> and answers 201 with the batch and its per-binding results, or a Status when
/// the whole batch was refused (409 for a lost fence, 504/503 without a leader). dryRun is not supported: a batch
/// is only meaningful against the store it commits to.
/// </summary>
public sealed class BindingBatchHandler(BindingBatchApplier applier) : ISubresourceHandler<BindingBatch>
{
    public string Name => "";

    public async Task HandleAsync(ResourceEndpoint<BindingBatch> endpoint, EndpointRequest request)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(request);
        (BindingBatch? batch, Status? error) = await endpoint.ReadBodyAsync(request);
        if (error is not null)
        {
            await Replies.StatusAsync(request.Context, error);
            return;
        }
        if (request.DryRun)
        {
            await Replies.StatusAsync(request.Context, ApiStatus.BadRequest("dryRun is not supported for bindingbatches"));
            return;
        }
        endpoint.Strategy.PrepareForCreate(batch!);
        var errors = new FieldErrorList();
        endpoint.Strategy.Validate(batch!, errors);
        if (errors.Count > 0)
        {
            await Replies.StatusAsync(request.Context, ApiStatus.Invalid(endpoint.Descriptor, batch!.Metadata.Name ?? "", errors));
            return;
        }
        BatchOutcome outcome = await applier.ApplyAsync(batch!.Spec, request.Aborted);
        if (outcome.Refusal is not null)
        {
            await Replies.StatusAsync(request.Context, outcome.Refusal);
            return;
        }
        batch.Status = outcome.Status;
        batch.ApiVersion = endpoint.Descriptor.ApiVersion;
        batch.Kind = endpoint.Descriptor.Kind;
        await endpoint.ReplyObjectAsync(request, batch, 201);
    }
}
