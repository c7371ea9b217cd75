using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Client.Tests.Leader;

/// <summary>Gets, creates and updates pass through the plan's faults; the other verbs go straight through.</summary>
internal sealed class FaultyResourceClient<T>(IResourceClient<T> inner, FaultPlan faults, TimeProvider time) : IResourceClient<T>
    where T : class, IKubernetesObject, new()
{
    private static readonly Status s_unavailable = new() { Code = 503, Reason = "ServiceUnavailable", Message = "injected" };

    public ResourceDescriptor<T> Descriptor => inner.Descriptor;

    public Task<ApiResult<T>> GetAsync(string? @namespace, string name, CancellationToken cancellationToken = default) =>
        CallAsync(write: false, () => inner.GetAsync(@namespace, name, cancellationToken), cancellationToken);

    public Task<ApiResult<T>> CreateAsync(T value, WriteRequest? request = null, CancellationToken cancellationToken = default) =>
        CallAsync(write: true, () => inner.CreateAsync(value, request, cancellationToken), cancellationToken);

    public Task<ApiResult<T>> UpdateAsync(T value, WriteRequest? request = null, CancellationToken cancellationToken = default) =>
        CallAsync(write: true, () => inner.UpdateAsync(value, request, cancellationToken), cancellationToken);

    public Task<ApiResult<ObjectList<T>>> ListAsync(string? @namespace, ListRequest? request = null, CancellationToken cancellationToken = default) =>
        inner.ListAsync(@namespace, request, cancellationToken);

    public Task<ApiResult<IWatchStream<T>>> WatchAsync(string? @namespace, WatchRequest? request = null, CancellationToken cancellationToken = default) =>
        inner.WatchAsync(@namespace, request, cancellationToken);

    public Task<ApiResult<T>> UpdateStatusAsync(T value, WriteRequest? request = null, CancellationToken cancellationToken = default) =>
        inner.UpdateStatusAsync(value, request, cancellationToken);

    public Task<ApiResult<T>> PatchAsync(string? @namespace, string name, Patch patch, WriteRequest? request = null, CancellationToken cancellationToken = default) =>
        inner.PatchAsync(@namespace, name, patch, request, cancellationToken);

    public Task<ApiResult<T>> DeleteAsync(string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(@namespace, name, options, cancellationToken);

    public Task<ApiResult<TReply>> PostSubresourceAsync<TBody, TReply>(string? @namespace, string name, string subresource, TBody body, CancellationToken cancellationToken = default)
        where TBody : class, IKubernetesObject, new()
        where TReply : class =>
        inner.PostSubresourceAsync<TBody, TReply>(@namespace, name, subresource, body, cancellationToken);

    private async Task<ApiResult<T>> CallAsync(bool write, Func<Task<ApiResult<T>>> call, CancellationToken cancellationToken)
    {
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, time, cancellationToken);
        }
        if (time.GetUtcNow() < faults.DownUntil)
        {
            return ApiResult.Fail<T>(s_unavailable);
        }
        ApiResult<T> result = await call();
        if (write && result.IsOk && faults.LostAnswers > 0)
        {
            faults.LostAnswers--;
            result = ApiResult.Fail<T>(s_unavailable);
        }
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, time, cancellationToken);
        }
        return result;
    }
}
