using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Queues;

namespace RaftOrchestrator.Controllers.GarbageCollection;

/// <summary>The typed side of <see cref="IKindMonitor"/>: one kind's informer (when watched), queue and client.</summary>
internal sealed class KindMonitor<T>(ResourceDescriptor<T> descriptor, IResourceClient<T> client, IInformer<T>? informer, IWorkQueue<ObjectKey>? queue)
    : IKindMonitor
    where T : class, IKubernetesObject, new()
{
    public ResourceDescriptor Descriptor => descriptor;

    public bool Watched => informer is not null;

    public IWorkQueue<ObjectKey>? Queue => queue;

    public IInformer<T>? Informer => informer;

    public ObjectMeta? Cached(string? @namespace, string name) => informer?.Lister.Get(@namespace, name)?.Metadata;

    public IEnumerable<ObjectMeta> CachedDependentsOf(string ownerUid) =>
        informer is null ? [] : informer.Lister.ByIndex(InformerIndexes.OwnerUid, ownerUid).Select(o => o.Metadata);

    public async Task<ApiResult<ObjectMeta>> GetAsync(string? @namespace, string name, CancellationToken cancellationToken) =>
        MetadataOf(await client.GetAsync(@namespace, name, cancellationToken));

    public async Task<ApiResult<ObjectMeta>> DeleteAsync(string? @namespace, string name, string uid, string propagationPolicy, CancellationToken cancellationToken)
    {
        var options = new DeleteOptions { PropagationPolicy = propagationPolicy, Preconditions = new Preconditions { Uid = uid } };
        return MetadataOf(await client.DeleteAsync(@namespace, name, options, cancellationToken));
    }

    public async Task<ApiResult<ObjectMeta>> PatchAsync(string? @namespace, string name, Patch patch, CancellationToken cancellationToken) =>
        MetadataOf(await client.PatchAsync(@namespace, name, patch, cancellationToken: cancellationToken));

    private static ApiResult<ObjectMeta> MetadataOf(ApiResult<T> result) =>
        result.IsOk ? ApiResult.Ok(result.Value.Metadata) : result.As<ObjectMeta>();
}
