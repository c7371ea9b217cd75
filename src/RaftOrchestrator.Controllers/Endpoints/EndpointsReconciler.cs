using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Api.Validation;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Endpoints;

/// <summary>
/// Keeps the core/v1 Endpoints of one service, as Kubernetes' endpoints controller does: for a service with a
/// selector, the addresses of its selected pods that have an IP (ready ones in addresses, the others in
/// notReadyAddresses; terminating pods only with publishNotReadyAddresses, which also counts every pod ready),
/// with the service's ports resolved against each pod's container ports. A service without a selector is left
/// alone (its Endpoints are written by someone else); when the service goes, its Endpoints go too.
/// </summary>
/// <remarks>
/// Kubernetes truncates Endpoints beyond 1000 addresses (the over-capacity annotation) and stamps the
/// last-change-trigger-time annotation; neither is done here.
/// </remarks>
internal sealed class EndpointsReconciler(IClusterClient client, ILister<Service> services, ILister<Pod> pods, ILister<Api.Core.Endpoints> endpoints,
    IEventRecorder events, ILogger logger) : IReconciler
{
    private readonly IResourceClient<Api.Core.Endpoints> _endpoints = client.Resource<Api.Core.Endpoints>();

    public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        Service? service = services.Get(key.Namespace, key.Name);
        if (service is null)
        {
            ApiResult<Api.Core.Endpoints> deleted = await _endpoints.DeleteAsync(key.Namespace, key.Name, cancellationToken: cancellationToken);
            return deleted.IsOk || deleted.IsNotFound ? ReconcileResult.Done : ReconcileResult.Retry(deleted.ToString());
        }
        if (ServicePods.Selector(service) is not { } selector)
        {
            return ReconcileResult.Done;
        }
        EndpointSubsets subsets = Subsets(service, selector);
        Dictionary<string, string> labels = Labels(service);
        List<EndpointSubset> packed = subsets.Pack();
        Api.Core.Endpoints? current = endpoints.Get(key.Namespace, key.Name);
        if (current is not null && SameSubsets(current.Subsets, packed) && DictionaryEquality.Equal(current.Metadata.Labels ?? [], labels))
        {
            return ReconcileResult.Done;
        }
        ApiResult<Api.Core.Endpoints> written;
        if (current is null)
        {
            var created = new Api.Core.Endpoints { Metadata = { Namespace = key.Namespace, Name = key.Name, Labels = labels }, Subsets = packed };
            written = await _endpoints.CreateAsync(created, cancellationToken: cancellationToken);
        }
        else
        {
            Api.Core.Endpoints next = ObjectCopy.Clone(current);
            next.Metadata.Labels = labels;
            next.Subsets = packed;
            written = await _endpoints.UpdateAsync(next, cancellationToken: cancellationToken);
        }
        if (!written.IsOk)
        {
            // A conflict or an existing object means the cache was behind: the retry reads fresher state.
            if (!written.IsConflict && !written.IsAlreadyExists)
            {
                events.Record(service, EventTypes.Warning, current is null ? "FailedToCreateEndpoint" : "FailedToUpdateEndpoint",
                    current is null
                        ? $"Failed to create endpoint for service {key}: {written.Error.Message}"
                        : $"Failed to update endpoint {key}: {written.Error.Message}");
            }
            return ReconcileResult.Retry(written.ToString());
        }
        EndpointsLog.EndpointsWritten(logger, key.ToString(), subsets.Ready, subsets.NotReady);
        return ReconcileResult.Done;
    }

    private EndpointSubsets Subsets(Service service, LabelSelectorMatcher selector)
    {
        bool publishNotReady = service.Spec?.PublishNotReadyAddresses == true;
        string family = ServicePods.PrimaryFamily(service);
        List<ServicePort> ports = service.Spec?.Ports ?? [];
        var subsets = new EndpointSubsets();
        foreach (Pod pod in pods.List(service.Metadata.Namespace, selector))
        {
            if (!ServicePods.IsEndpoint(pod, includeTerminating: publishNotReady)
                || (service.Spec?.ClusterIP == "None" && (service.Spec.IpFamilies?.Count ?? 0) == 0
                    ? pod.Status.PodIP
                    : ServicePods.Address(pod, family)) is not { Length: > 0 } ip)
            {
                continue;
            }
            var address = new EndpointAddress
            {
                Ip = ip,
                Hostname = ServicePods.Hostname(pod, service),
                NodeName = string.IsNullOrEmpty(pod.Spec.NodeName) ? null : pod.Spec.NodeName,
                TargetRef = new ObjectReference { Kind = "Pod", Namespace = pod.Metadata.Namespace, Name = pod.Metadata.Name, Uid = pod.Metadata.Uid },
            };
            bool ready = publishNotReady || PodReadiness.IsReady(pod);
            if (ports.Count == 0)
            {
                if (service.Spec?.ClusterIP == "None")
                {
                    subsets.Add(address, null, ready);
                }
                continue;
            }
            foreach (ServicePort port in ports)
            {
                if (ServicePods.TargetPort(pod, port) is not int number)
                {
                    EndpointsLog.PortNotFound(logger, ObjectKey.Of(service).ToString(), pod.Metadata.Name ?? "", port.Name ?? port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    continue;
                }
                subsets.Add(address, new EndpointPort { Name = port.Name, Port = number, Protocol = port.Protocol ?? "TCP", AppProtocol = port.AppProtocol }, ready);
            }
        }
        return subsets;
    }

    /// <summary>The service's labels, with the headless label exactly when it has no cluster IP.</summary>
    private static Dictionary<string, string> Labels(Service service)
    {
        var labels = new Dictionary<string, string>(service.Metadata.Labels ?? [], StringComparer.Ordinal);
        if (ServicePods.HasClusterIp(service))
        {
            labels.Remove(ServicePods.HeadlessLabel);
        }
        else
        {
            labels[ServicePods.HeadlessLabel] = "";
        }
        return labels;
    }

    private static bool SameSubsets(List<EndpointSubset>? current, List<EndpointSubset> next) =>
        ApiMessagePack.Serialize(current ?? []).AsSpan().SequenceEqual(ApiMessagePack.Serialize(next));
}
