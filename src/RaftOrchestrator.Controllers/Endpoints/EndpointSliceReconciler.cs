using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Discovery;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Endpoints;

/// <summary>
/// Keeps the discovery.k8s.io/v1 EndpointSlices of one service, as Kubernetes' endpoint slice controller does: for
/// a service with a selector (not ExternalName), slices labelled kubernetes.io/service-name and managed-by this
/// controller, owned by the service, at most <see cref="EndpointSliceOptions.MaxEndpointsPerSlice"/> endpoints
/// each, one endpoint per selected pod with its ready, serving and terminating conditions
/// (<see cref="EndpointSliceDesired"/>, <see cref="EndpointSlicePlan"/>). Slices of other managers are never
/// touched. When the service goes, its slices are deleted (the garbage collector would too, by owner).
/// </summary>
internal sealed class EndpointSliceReconciler(IClusterClient client, ILister<Service> services, ILister<Pod> pods, ILister<EndpointSlice> slices,
    ILister<Node>? nodes, SliceTracker tracker, EndpointSliceOptions options, IEventRecorder events, ILogger logger) : IReconciler
{
    /// <summary>The index of this controller's slices by "namespace/service".</summary>
    public const string ServiceIndex = "endpointslice-service";

    private readonly IResourceClient<EndpointSlice> _slices = client.Resource<EndpointSlice>();

    /// <summary>The index function: the service of a slice this controller manages.</summary>
    public static IEnumerable<string> ServiceKeys(EndpointSlice slice) =>
        slice.Metadata.Labels is { } labels
        && labels.GetValueOrDefault(EndpointSliceLabels.ManagedBy) == EndpointSliceLabels.ControllerName
        && labels.GetValueOrDefault(EndpointSliceLabels.ServiceName) is { Length: > 0 } service
            ? [new ObjectKey(slice.Metadata.Namespace, service).ToString()]
            : [];

    public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        IReadOnlyList<EndpointSlice> owned = slices.ByIndex(ServiceIndex, key.ToString());
        Service? service = services.Get(key.Namespace, key.Name);
        if (service is null)
        {
            tracker.Forget(key);
            var gone = new EndpointSlicePlan();
            gone.Deletes.AddRange(owned);
            return await ApplyAsync(key, null, gone, cancellationToken);
        }
        if (tracker.IsStale(key, owned))
        {
            EndpointsLog.StaleSlices(logger, key.ToString());
            return ReconcileResult.Retry("the endpoint slice cache is behind this controller's writes");
        }
        if (service.Spec?.Type == "ExternalName" || ServicePods.Selector(service) is not { } selector)
        {
            return ReconcileResult.Done;
        }
        IReadOnlyList<string> addressTypes = EndpointSliceDesired.AddressTypes(service);
        Dictionary<string, string> labels = Labels(service);
        var plan = new EndpointSlicePlan();
        plan.Deletes.AddRange(owned.Where(s => !addressTypes.Contains(s.AddressType)));
        foreach (string addressType in addressTypes)
        {
            List<EndpointSliceGroup> desired = EndpointSliceDesired.Groups(service, selector, addressType, pods, nodes);
            EndpointSlicePlan typed = EndpointSlicePlan.Build(service, addressType, desired, [.. owned.Where(s => s.AddressType == addressType)],
                labels, options.MaxEndpointsPerSlice);
            plan.Creates.AddRange(typed.Creates);
            plan.Updates.AddRange(typed.Updates);
            plan.Deletes.AddRange(typed.Deletes);
        }
        return await ApplyAsync(key, service, plan, cancellationToken);
    }

    /// <summary>Creates first, then updates, then deletes (so consumers never see fewer endpoints than both states have).</summary>
    private async Task<ReconcileResult> ApplyAsync(ObjectKey key, Service? service, EndpointSlicePlan plan, CancellationToken cancellationToken)
    {
        if (plan.IsEmpty)
        {
            return ReconcileResult.Done;
        }
        foreach (EndpointSlice slice in plan.Creates)
        {
            ApiResult<EndpointSlice> created = await _slices.CreateAsync(slice, cancellationToken: cancellationToken);
            if (!created.IsOk)
            {
                return Failed(key, service, created.Error);
            }
            tracker.Wrote(key, created.Value);
        }
        foreach (EndpointSlice slice in plan.Updates)
        {
            ApiResult<EndpointSlice> updated = await _slices.UpdateAsync(slice, cancellationToken: cancellationToken);
            if (!updated.IsOk)
            {
                return Failed(key, service, updated.Error);
            }
            tracker.Wrote(key, updated.Value);
        }
        foreach (EndpointSlice slice in plan.Deletes)
        {
            ApiResult<EndpointSlice> deleted = await _slices.DeleteAsync(key.Namespace, slice.Metadata.Name ?? "", cancellationToken: cancellationToken);
            if (!deleted.IsOk && !deleted.IsNotFound)
            {
                return Failed(key, service, deleted.Error);
            }
            if (service is not null)
            {
                tracker.Deleted(key, slice.Metadata.Name ?? "");
            }
        }
        EndpointsLog.SlicesWritten(logger, key.ToString(), plan.Creates.Count, plan.Updates.Count, plan.Deletes.Count);
        return ReconcileResult.Done;
    }

    private ReconcileResult Failed(ObjectKey key, Service? service, Api.Meta.Status error)
    {
        // A conflict means the cache was behind: the retry reads fresher state, nothing is worth an event.
        if (service is not null && error is not { Code: 409 })
        {
            events.Record(service, EventTypes.Warning, "FailedToUpdateEndpointSlices",
                $"Error updating Endpoint Slices for Service {key}: {error.Message}");
        }
        return ReconcileResult.Retry($"{error.Code} {error.Reason}: {error.Message}");
    }

    /// <summary>
    /// The service's labels (but the reserved slice labels), the headless label exactly when it has no cluster IP,
    /// and the service-name and managed-by labels.
    /// </summary>
    private static Dictionary<string, string> Labels(Service service)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, string value) in service.Metadata.Labels ?? [])
        {
            if (name is not (EndpointSliceLabels.ServiceName or EndpointSliceLabels.ManagedBy or ServicePods.HeadlessLabel))
            {
                labels[name] = value;
            }
        }
        if (!ServicePods.HasClusterIp(service))
        {
            labels[ServicePods.HeadlessLabel] = "";
        }
        labels[EndpointSliceLabels.ServiceName] = service.Metadata.Name ?? "";
        labels[EndpointSliceLabels.ManagedBy] = EndpointSliceLabels.ControllerName;
        return labels;
    }
}
