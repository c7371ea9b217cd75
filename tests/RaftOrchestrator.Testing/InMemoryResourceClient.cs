using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Testing;

/// <summary>
/// The verbs of one kind on an <see cref="InMemoryClusterClient"/>. Each call runs to completion under the
/// cluster's lock: the fault rules first, then the operation, then (for writes) the recorded action. Partial files
/// hold the operations: reads, writes (create and the update pipeline), delete, patch, watch, subresources.
/// </summary>
internal sealed partial class InMemoryResourceClient<T> : IResourceClient<T>, IStoreControl where T : class, IKubernetesObject, new()
{
    private readonly InMemoryClusterClient _cluster;
    private readonly KindStore<T> _store;

    public InMemoryResourceClient(InMemoryClusterClient cluster, KindStore<T> store)
    {
        _cluster = cluster;
        _store = store;
    }

    public ResourceDescriptor<T> Descriptor => _store.Descriptor;

    private ResourceStrategy<T> Strategy => _store.Strategy;

    public Task<ApiResult<T>> GetAsync(string? @namespace, string name, CancellationToken cancellationToken = default) =>
        RunAsync(InMemoryVerb.Get, @namespace, name, null, false, () => Get(Scope(@namespace), name), cancellationToken);

    public Task<ApiResult<ObjectList<T>>> ListAsync(string? @namespace, ListRequest? request = null, CancellationToken cancellationToken = default) =>
        RunAsync(InMemoryVerb.List, @namespace, null, null, false, () => List(Scope(@namespace), request ?? new ListRequest()), cancellationToken);

    public Task<ApiResult<IWatchStream<T>>> WatchAsync(string? @namespace, WatchRequest? request = null, CancellationToken cancellationToken = default) =>
        RunAsync(InMemoryVerb.Watch, @namespace, null, null, false, () => Watch(Scope(@namespace), request ?? new WatchRequest()), cancellationToken);

    public Task<ApiResult<T>> CreateAsync(T value, WriteRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        return RunAsync(InMemoryVerb.Create, value.Metadata.Namespace, value.Metadata.Name ?? value.Metadata.GenerateName, null,
            request?.DryRun == true, () => Create(value, request?.DryRun == true), cancellationToken);
    }

    public Task<ApiResult<T>> UpdateAsync(T value, WriteRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        return RunAsync(InMemoryVerb.Update, value.Metadata.Namespace, value.Metadata.Name, null, request?.DryRun == true,
            () => Update(value, UpdateMode.Main, request?.DryRun == true), cancellationToken);
    }

    public Task<ApiResult<T>> UpdateStatusAsync(T value, WriteRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        return RunAsync(InMemoryVerb.UpdateStatus, value.Metadata.Namespace, value.Metadata.Name, "status", request?.DryRun == true,
            () => Update(value, UpdateMode.Status, request?.DryRun == true), cancellationToken);
    }

    public Task<ApiResult<T>> PatchAsync(string? @namespace, string name, Patch patch, WriteRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return RunAsync(InMemoryVerb.Patch, @namespace, name, patch.Subresource, request?.DryRun == true,
            () => ApplyPatch(Scope(@namespace), name, patch, request?.DryRun == true), cancellationToken);
    }

    public Task<ApiResult<T>> DeleteAsync(string? @namespace, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(InMemoryVerb.Delete, @namespace, name, null, options?.DryRun is { Count: > 0 },
            () => Delete(Scope(@namespace), name, options ?? new DeleteOptions()), cancellationToken);

    public Task<ApiResult<TReply>> PostSubresourceAsync<TBody, TReply>(string? @namespace, string name, string subresource, TBody body, CancellationToken cancellationToken = default)
        where TBody : class, IKubernetesObject, new()
        where TReply : class =>
        RunAsync(InMemoryVerb.PostSubresource, @namespace, name, subresource, false,
            () => PostSubresource<TBody, TReply>(Scope(@namespace), name, subresource, body), cancellationToken);

    int IStoreControl.OpenWatches => _store.Watches.Count;

    void IStoreControl.Compact(long revision) => _store.Compact(revision);

    void IStoreControl.CloseWatches()
    {
        foreach (InMemoryWatch<T> watch in _store.Watches)
        {
            watch.Close();
        }
    }

    void IStoreControl.SendBookmarks(long revision)
    {
        string rv = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (InMemoryWatch<T> watch in _store.Watches.Where(w => w.AllowBookmarks))
        {
            watch.Post(new WatchEvent<T>(WatchEventType.Bookmark, null, rv));
        }
    }

    /// <summary>The namespace a call addresses: null for cluster-scoped kinds, and for "" (all namespaces).</summary>
    private string? Scope(string? ns) => Descriptor.Namespaced && !string.IsNullOrEmpty(ns) ? ns : null;

    private Task<ApiResult<TResult>> RunAsync<TResult>(InMemoryVerb verb, string? ns, string? name, string? subresource, bool dryRun,
        Func<ApiResult<TResult>> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_cluster.Gate)
        {
            _cluster.ThrowIfDisposed();
            var call = new InMemoryCall(verb, Descriptor.Plural, Scope(ns), name, subresource);
            ApiResult<TResult> result = _cluster.Fault(call) is { } fault ? ApiResult.Fail<TResult>(fault) : operation();
            if (verb is not (InMemoryVerb.Get or InMemoryVerb.List or InMemoryVerb.Watch))
            {
                string recorded = result.IsOk && result.Value is IKubernetesObject written ? written.Metadata.Name ?? "" : name ?? "";
                _cluster.Record(new RecordedAction(verb, Descriptor.Plural, call.Namespace, recorded, subresource, result.Code, dryRun));
            }
            return Task.FromResult(result);
        }
    }

    private static ApiResult<TResult> Fail<TResult>(Status status) => ApiResult.Fail<TResult>(status);

    private static string Revision(long revision) => revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
