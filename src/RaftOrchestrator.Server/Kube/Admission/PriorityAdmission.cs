using System.Globalization;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Scheduling;

namespace RaftOrchestrator.Server.Kube.Admission;

/// <summary>
/// kube-apiserver's Priority admission plugin. Mutating, on pod create: spec.priorityClassName resolves to
/// spec.priority and spec.preemptionPolicy (a pod naming no class gets the global default class, or priority 0 and
/// PreemptLowerPriority when there is none); an unknown class, or a priority or policy set by the client that
/// differs from its class's, is refused with 403. On pod update it carries the resolved values over when the new
/// object leaves them out (pod validation forbids changing them). Validating, on PriorityClasses: a second global
/// default is refused, and the system classes cannot be deleted.
/// </summary>
public sealed class PriorityAdmission(PriorityClassLookup classes) : IMutatingAdmission, IValidatingAdmission
{
    public async ValueTask<Status?> AdmitAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Subresource is not null || request.NewObject is not Pod pod)
        {
            return null;
        }
        if (request.Operation == AdmissionOperation.Update)
        {
            if (request.OldObject is Pod old)
            {
                pod.Spec.Priority ??= old.Spec.Priority;
                pod.Spec.PreemptionPolicy ??= old.Spec.PreemptionPolicy;
            }
            return null;
        }
        if (request.Operation != AdmissionOperation.Create)
        {
            return null;
        }
        PodSpec spec = pod.Spec;
        int priority;
        string? policy;
        if (string.IsNullOrEmpty(spec.PriorityClassName))
        {
            PriorityClass? fallback = classes.GlobalDefault();
            spec.PriorityClassName = fallback?.Metadata.Name;
            priority = fallback?.Value ?? SchedulingPriorities.DefaultWhenNoDefaultClass;
            policy = fallback is null ? SchedulingPriorities.PreemptLowerPriority : fallback.PreemptionPolicy;
        }
        else if (await classes.FindAsync(spec.PriorityClassName, cancellationToken) is { } named)
        {
            priority = named.Value;
            policy = named.PreemptionPolicy;
        }
        else
        {
            return Forbidden(request, $"no PriorityClass with name {spec.PriorityClassName} was found");
        }
        if (spec.Priority is { } given && given != priority)
        {
            return Forbidden(request, string.Create(CultureInfo.InvariantCulture,
                $"the integer value of priority ({given}) must not be provided in pod spec; priority admission controller computed {priority} from the given PriorityClass name"));
        }
        spec.Priority = priority;
        if (policy is not null)
        {
            if (spec.PreemptionPolicy is { } asked && asked != policy)
            {
                return Forbidden(request,
                    $"the string value of PreemptionPolicy ({asked}) must not be provided in pod spec; priority admission controller computed {policy} from the given PriorityClass name");
            }
            spec.PreemptionPolicy = policy;
        }
        return null;
    }

    public ValueTask<Status?> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Subresource is not null || request.Resource.ObjectType != typeof(PriorityClass))
        {
            return ValueTask.FromResult<Status?>(null);
        }
        if (request.Operation == AdmissionOperation.Delete)
        {
            return ValueTask.FromResult(SchedulingPriorities.IsSystemClass(request.Name)
                ? Forbidden(request, "this is a system priority class and cannot be deleted")
                : null);
        }
        if (request.NewObject is PriorityClass { GlobalDefault: true } marked && classes.GlobalDefault() is { } existing
            && (request.Operation == AdmissionOperation.Create || existing.Metadata.Name != marked.Metadata.Name))
        {
            return ValueTask.FromResult<Status?>(Forbidden(request,
                $"PriorityClass {existing.Metadata.Name} is already marked as default. Only one default can exist"));
        }
        return ValueTask.FromResult<Status?>(null);
    }

    /// <summary>admission.NewForbidden: <c>pods "name" is forbidden: reason</c> (without the name when there is none yet).</summary>
    private static Status Forbidden(AdmissionRequest request, string reason)
    {
        string subject = request.Name.Length == 0
            ? request.Resource.QualifiedPlural
            : $"{request.Resource.QualifiedPlural} \"{request.Name}\"";
        return ApiStatus.Failure(403, "Forbidden", $"{subject} is forbidden: {reason}", new StatusDetails
        {
            Name = request.Name.Length == 0 ? null : request.Name,
            Group = request.Resource.Group.Length == 0 ? null : request.Resource.Group,
            Kind = request.Resource.Plural,
        });
    }
}
