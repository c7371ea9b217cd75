using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Scheduling;

namespace RaftOrchestrator.Client.Bindings;

/// <summary>
/// The scheduler's batched bind: one POST of a <see cref="BindingBatch"/> (MessagePack over HTTP by default, or the
/// in-process pipeline), answered with one <see cref="BindingResult"/> per binding, in order.
/// </summary>
public static class BindingBatchClient
{
    /// <summary>
    /// Binds the pods, fenced by <paramref name="fence"/> when given. A failed result is the whole batch refused
    /// (a lost fence is 409 Conflict, an invalid batch 422, no leader 503/504); an Ok result carries each binding's
    /// own outcome, so bindings that no longer fit (409 OutOfCapacity) or whose pod changed are values to act on.
    /// </summary>
    public static async Task<ApiResult<BindingBatchStatus>> BindBatchAsync(
        this IClusterClient client, IReadOnlyList<PodBindingTarget> bindings, BindingFence? fence = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(bindings);
        var batch = new BindingBatch { Spec = new BindingBatchSpec { Fence = fence, Bindings = [.. bindings] } };
        ApiResult<BindingBatch> created = await client.Resource<BindingBatch>().CreateAsync(batch, cancellationToken: cancellationToken);
        if (!created.IsOk)
        {
            return created.As<BindingBatchStatus>();
        }
        return created.Value.Status is { } status && status.Results.Count == bindings.Count
            ? ApiResult.Ok(status)
            : ApiResult.Fail<BindingBatchStatus>(new Status
            {
                Outcome = "Failure",
                Code = 500,
                Reason = "InternalError",
                Message = $"the server answered a batch of {bindings.Count} bindings with {created.Value.Status?.Results.Count ?? 0} results",
            });
    }
}
