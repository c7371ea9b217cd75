using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Discovery;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;
using EndpointPort = RaftOrchestrator.Api.Discovery.EndpointPort;

namespace RaftOrchestrator.Controllers.Endpoints;

/// <summary>
/// The writes that turn a service's existing slices of one address type into the desired ones, with the
/// churn-avoiding order of Kubernetes' slice reconciler: (1) each existing slice keeps the endpoints still wanted
/// in its group (updated in place) and drops the rest, an emptied or unwanted slice is deleted; (2) endpoints not
/// yet placed fill the slices being updated, then the unchanged ones, up to the per-slice maximum; (3) the rest go
/// into new slices; (4) a service with no endpoints keeps one empty placeholder slice; (5) a slice to delete is
/// reused for a slice to create (an update instead of a create and a delete).
/// </summary>
internal sealed class EndpointSlicePlan
{
    public List<EndpointSlice> Creates { get; } = [];

    public List<EndpointSlice> Updates { get; } = [];

    public List<EndpointSlice> Deletes { get; } = [];

    public bool IsEmpty => Creates.Count == 0 && Updates.Count == 0 && Deletes.Count == 0;

    public static EndpointSlicePlan Build(Service service, string addressType, IReadOnlyList<EndpointSliceGroup> desired,
        IReadOnlyList<EndpointSlice> existing, IReadOnlyDictionary<string, string> labels, int maxPerSlice)
    {
        var plan = new EndpointSlicePlan();
        Dictionary<string, EndpointSliceGroup> groups = desired.ToDictionary(g => g.Key, StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var open = new List<(EndpointSlice Slice, bool Changed)>();
        foreach (EndpointSlice slice in existing.OrderBy(s => s.Metadata.Name, StringComparer.Ordinal))
        {
            if (!groups.TryGetValue(EndpointSliceGroup.KeyOf(slice.Ports), out EndpointSliceGroup? group))
            {
                plan.Deletes.Add(slice);
                continue;
            }
            Dictionary<string, Endpoint> wanted = group.Endpoints.ToDictionary(EndpointSliceGroup.IdentityOf, StringComparer.Ordinal);
            List<Endpoint> kept = [.. (slice.Endpoints ?? []).Select(e => EndpointSliceGroup.IdentityOf(e))
                .Where(id => wanted.ContainsKey(id) && placed.Add(id)).Select(id => wanted[id])];
            if (kept.Count == 0)
            {
                plan.Deletes.Add(slice);
                continue;
            }
            EndpointSlice next = ObjectCopy.Clone(slice);
            next.Endpoints = kept;
            next.Metadata.Labels = new Dictionary<string, string>(labels, StringComparer.Ordinal);
            open.Add((next, !SameContent(slice, next)));
        }
        foreach (EndpointSliceGroup group in desired)
        {
            Queue<Endpoint> left = new(group.Endpoints.Where(e => !placed.Contains(EndpointSliceGroup.IdentityOf(e))));
            foreach (int i in Enumerable.Range(0, open.Count).OrderBy(i => open[i].Changed ? 0 : 1).ToList())
            {
                EndpointSlice slice = open[i].Slice;
                if (left.Count == 0 || EndpointSliceGroup.KeyOf(slice.Ports) != group.Key || slice.Endpoints!.Count >= maxPerSlice)
                {
                    continue;
                }
                while (left.Count > 0 && slice.Endpoints.Count < maxPerSlice)
                {
                    slice.Endpoints.Add(left.Dequeue());
                }
                open[i] = (slice, true);
            }
            while (left.Count > 0)
            {
                var endpoints = new List<Endpoint>();
                while (left.Count > 0 && endpoints.Count < maxPerSlice)
                {
                    endpoints.Add(left.Dequeue());
                }
                plan.Creates.Add(NewSlice(service, addressType, group.Ports, endpoints, labels));
            }
        }
        plan.Updates.AddRange(open.Where(o => o.Changed).Select(o => o.Slice));
        if (open.Count == 0 && plan.Creates.Count == 0)
        {
            KeepPlaceholder(plan, service, addressType, labels);
        }
        plan.Recycle();
        return plan;
    }

    /// <summary>An empty slice, so consumers can tell "no endpoints" from "not processed yet".</summary>
    private static void KeepPlaceholder(EndpointSlicePlan plan, Service service, string addressType, IReadOnlyDictionary<string, string> labels)
    {
        EndpointSlice? placeholder = plan.Deletes.Find(s => (s.Endpoints?.Count ?? 0) == 0 && (s.Ports?.Count ?? 0) == 0);
        if (placeholder is null)
        {
            plan.Creates.Add(NewSlice(service, addressType, [], [], labels));
            return;
        }
        plan.Deletes.Remove(placeholder);
        EndpointSlice next = ObjectCopy.Clone(placeholder);
        next.Metadata.Labels = new Dictionary<string, string>(labels, StringComparer.Ordinal);
        if (!SameContent(placeholder, next))
        {
            plan.Updates.Add(next);
        }
    }

    /// <summary>Turns a create and a delete (same address type) into one update of the deleted slice.</summary>
    private void Recycle()
    {
        while (Creates.Count > 0 && Deletes.Count > 0)
        {
            EndpointSlice reused = ObjectCopy.Clone(Deletes[0]);
            EndpointSlice wanted = Creates[0];
            reused.Endpoints = wanted.Endpoints;
            reused.Ports = wanted.Ports;
            reused.Metadata.Labels = wanted.Metadata.Labels;
            Deletes.RemoveAt(0);
            Creates.RemoveAt(0);
            Updates.Add(reused);
        }
    }

    private static EndpointSlice NewSlice(Service service, string addressType, List<EndpointPort> ports, List<Endpoint> endpoints, IReadOnlyDictionary<string, string> labels) => new()
    {
        Metadata =
        {
            GenerateName = service.Metadata.Name + "-",
            Namespace = service.Metadata.Namespace,
            Labels = new Dictionary<string, string>(labels, StringComparer.Ordinal),
            OwnerReferences = [ControllerRefs.For(service, "v1", "Service")],
        },
        AddressType = addressType,
        Endpoints = endpoints,
        Ports = [.. ports],
    };

    private static bool SameContent(EndpointSlice a, EndpointSlice b) =>
        ApiMessagePack.Serialize(a).AsSpan().SequenceEqual(ApiMessagePack.Serialize(b));
}
