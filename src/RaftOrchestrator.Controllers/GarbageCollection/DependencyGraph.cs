using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Controllers.GarbageCollection;

/// <summary>
/// The owner/dependent graph over every monitored kind. Edges are the objects' owner references: dependent to
/// owner by (group, kind, namespace, name, uid), owner to dependents through each informer's owner-uid index. The
/// graph holds no copy of its own, so it is exactly as current as the informers' caches; every destructive
/// decision is confirmed by live reads first.
/// </summary>
/// <remarks>Filled once while the collector registers (single-threaded), read-only afterwards.</remarks>
internal sealed class DependencyGraph(int absentOwnerCacheSize)
{
    private readonly Dictionary<(string Group, string Kind), IKindMonitor> _byKind = [];
    private readonly List<IKindMonitor> _watched = [];

    public AbsentOwnerCache Absent { get; } = new(absentOwnerCacheSize);

    public IReadOnlyList<IKindMonitor> Watched => _watched;

    public void Add(IKindMonitor monitor)
    {
        _byKind[(monitor.Descriptor.Group, monitor.Descriptor.Kind)] = monitor;
        if (monitor.Watched)
        {
            _watched.Add(monitor);
        }
    }

    /// <summary>The kind an owner reference names, by group and kind (the version may be an older one's).</summary>
    public IKindMonitor? Resolve(OwnerReference reference)
    {
        string apiVersion = reference.ApiVersion;
        int slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        string group = slash < 0 ? "" : apiVersion[..slash];
        return _byKind.GetValueOrDefault((group, reference.Kind));
    }

    /// <summary>
    /// Where the owner of <paramref name="dependent"/> named by <paramref name="reference"/> lives: the dependent's
    /// namespace for a namespaced owner, none for a cluster-scoped one. Null when a cluster-scoped dependent names
    /// a namespaced owner, which cannot exist (Kubernetes treats such a reference as unresolvable, hence absent).
    /// </summary>
    public static ObjectKey? OwnerKey(IKindMonitor owner, ObjectMeta dependent, OwnerReference reference)
    {
        string? ns = dependent.Namespace is { Length: > 0 } n ? n : null;
        if (!owner.Descriptor.Namespaced)
        {
            return new ObjectKey(null, reference.Name);
        }
        return ns is null ? null : new ObjectKey(ns, reference.Name);
    }

    /// <summary>The cached objects, of every watched kind, with an owner reference to <paramref name="ownerUid"/>.</summary>
    public IEnumerable<GraphNode> DependentsOf(string ownerUid)
    {
        foreach (IKindMonitor monitor in _watched)
        {
            foreach (ObjectMeta meta in monitor.CachedDependentsOf(ownerUid))
            {
                yield return new GraphNode(monitor, meta);
            }
        }
    }

    /// <summary>Adds to the queue of each owner an object's references resolve to (owners of unknown kinds are skipped).</summary>
    public void EnqueueOwners(ObjectMeta dependent)
    {
        foreach (OwnerReference reference in dependent.OwnerReferences ?? [])
        {
            if (Resolve(reference) is { Queue: { } queue } owner && OwnerKey(owner, dependent, reference) is { } key)
            {
                queue.Add(key);
            }
        }
    }

    public void EnqueueDependents(string ownerUid)
    {
        foreach (GraphNode dependent in DependentsOf(ownerUid))
        {
            dependent.Monitor.Queue?.Add(dependent.Key);
        }
    }
}
