using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Namespaces;

/// <summary>
/// Finalizes one terminating namespace as Kubernetes' namespace controller does: delete every namespaced object in
/// it (every stored namespaced kind of the catalog), write the deletion conditions, and once nothing is left remove
/// the "kubernetes" finalizer through namespaces/{name}/finalize, which lets the API server delete the namespace.
/// </summary>
/// <remarks>
/// The namespace is read live, not from the cache: a stale copy could be finalized after it was recreated. Content
/// that takes time to go (pods terminating gracefully, objects held by finalizers) is looked at again after half
/// of its estimate plus a second, as Kubernetes does; nothing watches the content itself.
/// </remarks>
internal sealed class NamespaceReconciler : IReconciler
{
    private readonly IResourceClient<Namespace> _namespaces;
    private readonly IReadOnlyList<INamespaceContent> _contents;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public NamespaceReconciler(IClusterClient client, ApiCatalog catalog, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(catalog);
        _namespaces = client.Resource<Namespace>();
        var factory = new NamespaceContentFactory(client);
        _contents = [.. catalog.Resources
            .Where(r => r.Namespaced && r.Stored && r.Verbs.Contains("list") && r.Verbs.Contains("delete"))
            .Select(r => r.Accept(factory))];
        _time = time;
        _logger = logger;
    }

    public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        ApiResult<Namespace> read = await _namespaces.GetAsync(null, key.Name, cancellationToken);
        if (read.IsNotFound)
        {
            return ReconcileResult.Done;
        }
        if (!read.IsOk)
        {
            return ReconcileResult.Retry(read.ToString());
        }
        Namespace ns = read.Value;
        if (ns.Metadata.DeletionTimestamp is null || !(ns.Spec?.Finalizers?.Contains(NamespaceResourceStrategy.KubernetesFinalizer) ?? false))
        {
            return ReconcileResult.Done;
        }
        var results = new List<ContentDeletion>(_contents.Count);
        foreach (INamespaceContent content in _contents)
        {
            results.Add(await content.DeleteAllAsync(key.Name, cancellationToken));
        }
        ApiResult<Namespace> written = await WriteStatusAsync(ns, results, cancellationToken);
        if (written.IsNotFound)
        {
            return ReconcileResult.Done;
        }
        if (!written.IsOk)
        {
            return ReconcileResult.Retry(written.ToString());
        }
        if (results.Where(r => r.Error is not null).Select(r => r.Error!).ToList() is { Count: > 0 } errors)
        {
            string failure = string.Join("; ", errors);
            NamespaceLog.ContentFailed(_logger, key.Name, failure);
            return ReconcileResult.Retry(failure);
        }
        if (results.Any(r => r.Remaining > 0))
        {
            long wait = results.Max(r => r.EstimateSeconds) / 2 + 1;
            NamespaceLog.ContentRemaining(_logger, key.Name, wait);
            return ReconcileResult.After(TimeSpan.FromSeconds(wait));
        }
        return await FinalizeAsync(written.Value, cancellationToken);
    }

    /// <summary>Phase Terminating and the pass's conditions, written only when they change.</summary>
    private async Task<ApiResult<Namespace>> WriteStatusAsync(Namespace ns, List<ContentDeletion> results, CancellationToken cancellationToken)
    {
        Namespace next = ObjectCopy.Clone(ns);
        next.Status ??= new NamespaceStatus();
        bool changed = next.Status.Phase != "Terminating";
        next.Status.Phase = "Terminating";
        changed |= NamespaceConditions.Merge(next.Status, NamespaceConditions.From(results), ApiTime.Now(_time));
        return changed ? await _namespaces.UpdateStatusAsync(next, cancellationToken: cancellationToken) : ApiResult.Ok(ns);
    }

    /// <summary>Removes the "kubernetes" finalizer, guarded by the resourceVersion the emptiness was seen at.</summary>
    private async Task<ReconcileResult> FinalizeAsync(Namespace ns, CancellationToken cancellationToken)
    {
        var finalizers = new JsonArray();
        foreach (string finalizer in ns.Spec!.Finalizers!.Where(f => f != NamespaceResourceStrategy.KubernetesFinalizer))
        {
            finalizers.Add(finalizer);
        }
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = ns.Metadata.ResourceVersion },
            ["spec"] = new JsonObject { ["finalizers"] = finalizers },
        };
        ApiResult<Namespace> finalized = await _namespaces.PatchAsync(null, ns.Metadata.Name!, Patch.MergeJson(patch.ToJsonString(), "finalize"),
            cancellationToken: cancellationToken);
        if (!finalized.IsOk && !finalized.IsNotFound)
        {
            return ReconcileResult.Retry(finalized.ToString());
        }
        NamespaceLog.Finalized(_logger, ns.Metadata.Name!);
        return ReconcileResult.Done;
    }
}
