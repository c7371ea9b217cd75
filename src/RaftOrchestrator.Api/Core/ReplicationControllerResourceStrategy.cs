using System.Globalization;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// ReplicationControllers: replicas default to 1, and (core/v1 only) an absent selector and absent object labels are
/// taken from the template's labels. The selector is an equality map and, unlike apps/v1, may change.
/// </summary>
public sealed class ReplicationControllerResourceStrategy : ResourceStrategy<ReplicationController>
{
    public override void ApplyDefaults(ReplicationController value)
    {
        ReplicationControllerSpec spec = value.Spec;
        if (spec.Template is { } template && template.Metadata.Labels is { Count: > 0 } labels)
        {
            if (spec.Selector is not { Count: > 0 })
            {
                spec.Selector = new Dictionary<string, string>(labels);
            }
            if (value.Metadata.Labels is not { Count: > 0 })
            {
                value.Metadata.Labels = new Dictionary<string, string>(labels);
            }
        }
        spec.Replicas ??= 1;
        PodTemplateRules.ApplyDefaults(spec.Template);
    }

    public override void PrepareForCreate(ReplicationController value) => value.Status = new ReplicationControllerStatus();

    public override void Validate(ReplicationController value, FieldErrorList errors)
    {
        ReplicationControllerSpec spec = value.Spec;
        PodTemplateRules.NonNegative("spec.replicas", spec.Replicas, errors);
        PodTemplateRules.NonNegative("spec.minReadySeconds", spec.MinReadySeconds, errors);
        Dictionary<string, string>? selector = spec.Selector;
        if (selector is not { Count: > 0 })
        {
            errors.Required("spec.selector");
        }
        else
        {
            ObjectMetaValidation.Labels("spec.selector", selector, errors);
        }
        PodTemplateRules.Validate(spec.Template, selector is { Count: > 0 } ? labels => WorkloadSelector.Matches(selector, labels) : null,
            "ReplicationController", "spec.template", errors);
    }

    public override object? GetSpec(ReplicationController value) => value.Spec;

    public override bool HasStatusSubresource => true;

    public override void CopyStatus(ReplicationController source, ReplicationController target) => target.Status = source.Status;

    public override ScaleAccess<ReplicationController>? Scale { get; } = new(
        rc => rc.Spec.Replicas ?? 1,
        (rc, replicas) => rc.Spec.Replicas = replicas,
        rc => rc.Status.Replicas,
        rc => WorkloadSelector.Format(rc.Spec.Selector));

    public override IReadOnlyList<TableColumn> Columns { get; } = [.. WorkloadColumns.ReplicaCounts, TableColumn.Age, .. PodTemplateRules.WideColumns];

    public override void TableRow(ReplicationController value, DateTime now, List<object?> cells)
    {
        WorkloadColumns.ReplicaRow(cells, value.Spec.Replicas ?? 1, value.Status.Replicas, value.Status.ReadyReplicas ?? 0,
            value.Metadata.CreationTimestamp, now, value.Spec.Template, WorkloadSelector.Format(value.Spec.Selector));
    }

    public override bool TryGetField(ReplicationController value, string field, out string? fieldValue)
    {
        fieldValue = field == "status.replicas" ? value.Status.Replicas.ToString(CultureInfo.InvariantCulture) : null;
        return fieldValue is not null;
    }
}
