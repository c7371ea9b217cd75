using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Client;

/// <summary>
/// Every verb of one kind. <c>@namespace</c> is ignored (pass null) for cluster-scoped kinds; for namespaced kinds a
/// null namespace on list/watch means all namespaces. Objects returned are the caller's to change.
/// </summary>
public interface IResourceClient<T> where T : class, IKubernetesObject, new()
{
    ResourceDescriptor<T> Descriptor { get; }

    Task<ApiResult<T>> GetAsync(string? @namespace, string name, CancellationToken cancellationToken = default);

    Task<ApiResult<ObjectList<T>>> ListAsync(string? @namespace, ListRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a watch. The stream's events are in revision order; an expired resourceVersion ends it with an Error
    /// event whose Status is 410 Gone (the informer relists). Disposing the stream closes the watch.
    /// </summary>
    Task<ApiResult<IWatchStream<T>>> WatchAsync(string? @namespace, WatchRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>Creates the object (its namespace is metadata.namespace); generateName is honoured.</summary>
    Task<ApiResult<T>> CreateAsync(T value, WriteRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces the object; metadata.resourceVersion, when set, must be current (else 409 Conflict).</summary>
    Task<ApiResult<T>> UpdateAsync(T value, WriteRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces the status subresource; the rest of the object is ignored by the server.</summary>
    Task<ApiResult<T>> UpdateStatusAsync(T value, WriteRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>Patches the object, or its status when <see cref="Patch.Subresource"/> is "status".</summary>
    Task<ApiResult<T>> PatchAsync(string? @namespace, string name, Patch patch, WriteRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the object. The value is the object as the server last wrote it: marked with a deletionTimestamp
    /// when finalizers or graceful deletion keep it, else its final state.
    /// </summary>
    Task<ApiResult<T>> DeleteAsync(string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// POSTs <paramref name="body"/> to a subresource (pods/binding, pods/eviction) and decodes the reply as
    /// <typeparamref name="TReply"/> (a Status for both of those).
    /// </summary>
    Task<ApiResult<TReply>> PostSubresourceAsync<TBody, TReply>(string? @namespace, string name, string subresource, TBody body, CancellationToken cancellationToken = default)
        where TBody : class, IKubernetesObject, new()
        where TReply : class;
}
