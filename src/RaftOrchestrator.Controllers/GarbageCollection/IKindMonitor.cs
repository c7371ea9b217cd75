using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Queues;

namespace RaftOrchestrator.Controllers.GarbageCollection;

/// <summary>
/// One kind as the garbage collector sees it, with the type erased: metadata from its informer's cache, and the
/// few live calls the collector makes (get, delete, patch). A kind the collector does not watch (ignored, such as
/// events) still resolves owner references through live reads, but has no cache and no queue.
/// </summary>
/// <remarks>Metadata handed out from the cache is shared: read it, never change it.</remarks>
internal interface IKindMonitor
{
    ResourceDescriptor Descriptor { get; }

    /// <summary>Watched (an informer and a queue) rather than only resolvable.</summary>
    bool Watched { get; }

    /// <summary>The kind's queue of objects to reconcile; null when not watched.</summary>
    IWorkQueue<ObjectKey>? Queue { get; }

    ObjectMeta? Cached(string? @namespace, string name);

    /// <summary>Cached objects with an owner reference to <paramref name="ownerUid"/>.</summary>
    IEnumerable<ObjectMeta> CachedDependentsOf(string ownerUid);

    Task<ApiResult<ObjectMeta>> GetAsync(string? @namespace, string name, CancellationToken cancellationToken);

    /// <summary>Deletes with the given propagation policy, guarded by <paramref name="uid"/>.</summary>
    Task<ApiResult<ObjectMeta>> DeleteAsync(string? @namespace, string name, string uid, string propagationPolicy, CancellationToken cancellationToken);

    Task<ApiResult<ObjectMeta>> PatchAsync(string? @namespace, string name, Patch patch, CancellationToken cancellationToken);
}
