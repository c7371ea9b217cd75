using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Controllers.Namespaces;

/// <summary>
/// Empties one kind of a terminating namespace as Kubernetes' namespaced resources deleter does: delete everything
/// (background propagation), list again, and estimate the wait from what is left: pods by their termination grace
/// period, objects held by finalizers by a fixed 15 s; anything else left without a finalizer is an error.
/// </summary>
internal sealed class NamespaceContent<T>(ResourceDescriptor<T> descriptor, IResourceClient<T> client) : INamespaceContent
    where T : class, IKubernetesObject, new()
{
    /// <summary>The wait Kubernetes assumes for content held by finalizers (the garbage collector's, usually).</summary>
    private const long FinalizerEstimateSeconds = 15;

    private static readonly DeleteOptions s_background = new() { PropagationPolicy = "Background" };

    private readonly string _resource = $"{descriptor.Plural}.{descriptor.Group}";

    public async Task<ContentDeletion> DeleteAllAsync(string @namespace, CancellationToken cancellationToken)
    {
        ApiResult<ObjectList<T>> listed = await client.ListAsync(@namespace, cancellationToken: cancellationToken);
        if (!listed.IsOk)
        {
            return listed.IsNotFound ? Gone() : ContentDeletion.Failed(_resource, $"failed to list {_resource}: {listed.Error.Message}");
        }
        long estimate = EstimateGracefulTermination(listed.Value.Items);
        foreach (T item in listed.Value.Items.Where(i => i.Metadata.DeletionTimestamp is null))
        {
            ApiResult<T> deleted = await client.DeleteAsync(@namespace, item.Metadata.Name ?? "", s_background, cancellationToken);
            if (!deleted.IsOk && !deleted.IsNotFound && !deleted.IsConflict)
            {
                return ContentDeletion.Failed(_resource, $"failed to delete {_resource} {item.Metadata.Name}: {deleted.Error.Message}");
            }
        }
        ApiResult<ObjectList<T>> left = await client.ListAsync(@namespace, cancellationToken: cancellationToken);
        if (!left.IsOk)
        {
            return left.IsNotFound ? Gone() : ContentDeletion.Failed(_resource, $"failed to list {_resource}: {left.Error.Message}");
        }
        List<T> remaining = left.Value.Items;
        if (remaining.Count == 0)
        {
            return Gone();
        }
        var finalizers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string finalizer in remaining.SelectMany(i => i.Metadata.Finalizers ?? []))
        {
            finalizers[finalizer] = finalizers.GetValueOrDefault(finalizer) + 1;
        }
        if (estimate > 0)
        {
            return new ContentDeletion(_resource, remaining.Count, finalizers, estimate, null);
        }
        if (finalizers.Count > 0)
        {
            return new ContentDeletion(_resource, remaining.Count, finalizers, FinalizerEstimateSeconds, null);
        }
        return new ContentDeletion(_resource, remaining.Count, finalizers, 0,
            $"unexpected items still remain in namespace: {@namespace} for gvr: {descriptor.QualifiedPlural}");
    }

    private ContentDeletion Gone() => new(_resource, 0, new Dictionary<string, int>(), 0, null);

    /// <summary>
    /// The longest termination grace period of the pods that have not finished (Kubernetes' estimate: a pod being
    /// deleted may outlive its deadline while its node is away, so the deadline itself is not used).
    /// </summary>
    private static long EstimateGracefulTermination(List<T> items) =>
        items.OfType<Pod>().Where(p => p.Status?.Phase is not ("Succeeded" or "Failed"))
            .Select(p => p.Spec.TerminationGracePeriodSeconds ?? 0).DefaultIfEmpty(0).Max();
}
