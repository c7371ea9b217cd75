using System.Globalization;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Apps;

/// <summary>ReplicaSets: replicas default to 1; the selector is required, must select the template, and is immutable.</summary>
public sealed class ReplicaSetResourceStrategy : ResourceStrategy<ReplicaSet>
{
    public override void ApplyDefaults(ReplicaSet value)
    {
        value.Spec.Replicas ??= 1;
        PodTemplateRules.ApplyDefaults(value.Spec.Template);
    }

    public override void PrepareForCreate(ReplicaSet value) => value.Status = new ReplicaSetStatus();

    public override void Validate(ReplicaSet value, FieldErrorList errors)
    {
        ReplicaSetSpec spec = value.Spec;
        PodTemplateRules.NonNegative("spec.replicas", spec.Replicas, errors);
        PodTemplateRules.NonNegative("spec.minReadySeconds", spec.MinReadySeconds, errors);
        AppsSelectorRules.ValidateSelectorAndTemplate(spec.Selector, spec.Template, "replicaset", "ReplicaSet", errors);
    }

    public override void ValidateUpdate(ReplicaSet value, ReplicaSet old, FieldErrorList errors)
    {
        Validate(value, errors);
        AppsSelectorRules.ValidateImmutable(value.Spec.Selector, old.Spec.Selector, errors);
    }

    public override object? GetSpec(ReplicaSet value) => value.Spec;

    public override bool HasStatusSubresource => true;

    public override void CopyStatus(ReplicaSet source, ReplicaSet target) => target.Status = source.Status;

    public override ScaleAccess<ReplicaSet>? Scale { get; } = new(
        rs => rs.Spec.Replicas ?? 1,
        (rs, replicas) => rs.Spec.Replicas = replicas,
        rs => rs.Status.Replicas,
        rs => WorkloadSelector.Format(rs.Spec.Selector));

    public override IReadOnlyList<TableColumn> Columns { get; } = [.. WorkloadColumns.ReplicaCounts, TableColumn.Age, .. PodTemplateRules.WideColumns];

    public override void TableRow(ReplicaSet value, DateTime now, List<object?> cells)
    {
        WorkloadColumns.ReplicaRow(cells, value.Spec.Replicas ?? 1, value.Status.Replicas, value.Status.ReadyReplicas ?? 0,
            value.Metadata.CreationTimestamp, now, value.Spec.Template, AppsSelectorRules.TableSelector(value.Spec.Selector));
    }

    public override bool TryGetField(ReplicaSet value, string field, out string? fieldValue)
    {
        fieldValue = field == "status.replicas" ? value.Status.Replicas.ToString(CultureInfo.InvariantCulture) : null;
        return fieldValue is not null;
    }
}
