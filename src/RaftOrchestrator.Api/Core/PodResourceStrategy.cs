using System.Globalization;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// The pods registry strategy: Kubernetes' defaults, a Pending status with its QoS class on create, ValidatePodSpec,
/// the update rules of a mostly immutable spec, the status subresource, kubectl's table and the pod field selectors.
/// </summary>
public sealed partial class PodResourceStrategy : ResourceStrategy<Pod>
{
    public override void ApplyDefaults(Pod value) => PodDefaults.ApplyPod(value);

    /// <summary>Whatever status the client sent is replaced: a new pod is Pending until the scheduler and kubelet move it.</summary>
    public override void PrepareForCreate(Pod value) =>
        value.Status = new PodStatus { Phase = "Pending", QosClass = PodQos.Compute(value.Spec) };

    public override void Validate(Pod value, FieldErrorList errors) => PodSpecValidation.Validate(value.Spec, "spec", errors);

    public override object? GetSpec(Pod value) => value.Spec;

    public override bool HasStatusSubresource => true;

    public override void CopyStatus(Pod source, Pod target) => target.Status = source.Status;

    /// <summary>
    /// The fields Kubernetes lets pods be selected by. Absent strings select as "" (so <c>spec.nodeName=</c> finds
    /// unscheduled pods); spec.hostNetwork is "true" or "false"; status.podIP is the first of status.podIPs.
    /// </summary>
    public override bool TryGetField(Pod value, string field, out string? fieldValue)
    {
        fieldValue = field switch
        {
            "spec.nodeName" => value.Spec.NodeName ?? "",
            "spec.restartPolicy" => value.Spec.RestartPolicy ?? "",
            "spec.schedulerName" => value.Spec.SchedulerName ?? "",
            "spec.serviceAccountName" => value.Spec.ServiceAccountName ?? "",
            "spec.hostNetwork" => (value.Spec.HostNetwork ?? false).ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
            "status.phase" => value.Status.Phase ?? "",
            "status.podIP" => PodIP(value.Status),
            "status.nominatedNodeName" => value.Status.NominatedNodeName ?? "",
            _ => null,
        };
        return fieldValue is not null;
    }

    private static string PodIP(PodStatus status) =>
        status.PodIPs is { Count: > 0 } ips ? ips[0].IP : status.PodIP ?? "";
}
