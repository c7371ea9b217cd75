using RaftOrchestrator.Api.Discovery;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Controllers.Endpoints;

/// <summary>
/// The slices this controller wrote and the cache may not show yet (Kubernetes' EndpointSliceTracker). Slices are
/// created with generateName, so acting on a cache that misses a fresh slice would create a second one: a service
/// whose cache is behind its own writes (a slice missing or at an older generation, or a deleted one still there)
/// is retried instead. Once the cache has caught up, the service's expectations are dropped.
/// </summary>
/// <remarks>Thread-safe: workers of different services share it; one service is never reconciled twice at once.</remarks>
internal sealed class SliceTracker
{
    private readonly object _gate = new();
    private readonly Dictionary<ObjectKey, Expected> _services = [];

    /// <summary>True when the cached slices do not yet reflect this controller's last writes for the service.</summary>
    public bool IsStale(ObjectKey service, IReadOnlyList<EndpointSlice> cached)
    {
        lock (_gate)
        {
            if (!_services.TryGetValue(service, out Expected? expected))
            {
                return false;
            }
            Dictionary<string, long> seen = cached.ToDictionary(s => s.Metadata.Name ?? "", s => s.Metadata.Generation ?? 0, StringComparer.Ordinal);
            bool stale = expected.Generations.Any(e => !seen.TryGetValue(e.Key, out long generation) || generation < e.Value)
                || expected.Deleted.Any(seen.ContainsKey);
            if (!stale)
            {
                _services.Remove(service);
            }
            return stale;
        }
    }

    public void Wrote(ObjectKey service, EndpointSlice slice)
    {
        lock (_gate)
        {
            Expected expected = For(service);
            expected.Generations[slice.Metadata.Name ?? ""] = slice.Metadata.Generation ?? 0;
            expected.Deleted.Remove(slice.Metadata.Name ?? "");
        }
    }

    public void Deleted(ObjectKey service, string name)
    {
        lock (_gate)
        {
            Expected expected = For(service);
            expected.Generations.Remove(name);
            expected.Deleted.Add(name);
        }
    }

    public void Forget(ObjectKey service)
    {
        lock (_gate)
        {
            _services.Remove(service);
        }
    }

    private Expected For(ObjectKey service)
    {
        if (!_services.TryGetValue(service, out Expected? expected))
        {
            expected = new Expected();
            _services[service] = expected;
        }
        return expected;
    }

    private sealed class Expected
    {
        public Dictionary<string, long> Generations { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Deleted { get; } = new(StringComparer.Ordinal);
    }
}
