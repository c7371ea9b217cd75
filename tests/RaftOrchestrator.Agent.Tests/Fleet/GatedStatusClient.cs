using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Agent.Tests.Fleet;

/// <summary>A client whose pod status writes wait at a gate until the test opens it; everything else passes straight through.</summary>
internal sealed class GatedStatusClient(IClusterClient inner) : IClusterClient
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    /// <summary>Status writes waiting at the gate now.</summary>
    public int Held => Volatile.Read(ref _held);

    public void Open() => _gate.TrySetResult();

    public IResourceClient<T> Resource<T>() where T : class, IKubernetesObject, new() =>
        typeof(T) == typeof(Pod) ? (IResourceClient<T>)(object)new GatedPods(this, inner.Resource<Pod>()) : inner.Resource<T>();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class GatedPods(GatedStatusClient owner, IResourceClient<Pod> pods) : IResourceClient<Pod>
    {
        public Api.Registration.ResourceDescriptor<Pod> Descriptor => pods.Descriptor;

        public async Task<ApiResult<Pod>> UpdateStatusAsync(Pod value, WriteRequest? request = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref owner._held);
            try
            {
                await owner._gate.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref owner._held);
            }
            return await pods.UpdateStatusAsync(value, request, cancellationToken);
        }

        public Task<ApiResult<Pod>> GetAsync(string? @namespace, string name, CancellationToken cancellationToken = default) => pods.GetAsync(@namespace, name, cancellationToken);

        public Task<ApiResult<ObjectList<Pod>>> ListAsync(string? @namespace, ListRequest? request = null, CancellationToken cancellationToken = default) => pods.ListAsync(@namespace, request, cancellationToken);

        public Task<ApiResult<IWatchStream<Pod>>> WatchAsync(string? @namespace, WatchRequest? request = null, CancellationToken cancellationToken = default) => pods.WatchAsync(@namespace, request, cancellationToken);

        public Task<ApiResult<Pod>> CreateAsync(Pod value, WriteRequest? request = null, CancellationToken cancellationToken = default) => pods.CreateAsync(value, request, cancellationToken);

        public Task<ApiResult<Pod>> UpdateAsync(Pod value, WriteRequest? request = null, CancellationToken cancellationToken = default) => pods.UpdateAsync(value, request, cancellationToken);

        public Task<ApiResult<Pod>> PatchAsync(string? @namespace, string name, Patch patch, WriteRequest? request = null, CancellationToken cancellationToken = default) => pods.PatchAsync(@namespace, name, patch, request, cancellationToken);

        public Task<ApiResult<Pod>> DeleteAsync(string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default) => pods.DeleteAsync(@namespace, name, options, cancellationToken);

        public Task<ApiResult<TReply>> PostSubresourceAsync<TBody, TReply>(string? @namespace, string name, string subresource, TBody body, CancellationToken cancellationToken = default)
            where TBody : class, IKubernetesObject, new()
            where TReply : class => pods.PostSubresourceAsync<TBody, TReply>(@namespace, name, subresource, body, cancellationToken);
    }
}
