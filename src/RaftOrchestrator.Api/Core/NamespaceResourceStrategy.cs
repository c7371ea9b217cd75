using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// Namespaces: created Active with the "kubernetes" finalizer, which the namespace controller removes once the
/// content is deleted. Spec finalizers change only through the finalize subresource, so an update keeps them.
/// </summary>
public sealed class NamespaceResourceStrategy : ResourceStrategy<Namespace>
{
    public const string KubernetesFinalizer = "kubernetes";

    public const string ActivePhase = "Active";

    /// <summary>The label Kubernetes puts on every namespace, equal to its name (so selectors can pick namespaces by name).</summary>
    public const string NameLabel = "kubernetes.io/metadata.name";

    public override Action<string, string?, FieldErrorList> NameRule => NameValidation.Dns1123Label;

    public override bool HasStatusSubresource => true;

    public override IReadOnlyList<TableColumn> Columns { get; } =
        [TableColumn.Text("Status", "The status of the namespace"), TableColumn.Age];

    public override void ApplyDefaults(Namespace value)
    {
        if (!string.IsNullOrEmpty(value.Metadata.Name))
        {
            value.Metadata.Labels ??= [];
            value.Metadata.Labels[NameLabel] = value.Metadata.Name;
        }
        value.Status ??= new NamespaceStatus();
        if (string.IsNullOrEmpty(value.Status.Phase))
        {
            value.Status.Phase = ActivePhase;
        }
    }

    public override void PrepareForCreate(Namespace value)
    {
        value.Status = new NamespaceStatus { Phase = ActivePhase };
        value.Spec ??= new NamespaceSpec();
        value.Spec.Finalizers ??= [];
        if (!value.Spec.Finalizers.Contains(KubernetesFinalizer))
        {
            value.Spec.Finalizers.Add(KubernetesFinalizer);
        }
    }

    public override void PrepareForUpdate(Namespace value, Namespace old)
    {
        value.Spec ??= new NamespaceSpec();
        value.Spec.Finalizers = old.Spec?.Finalizers is { } finalizers ? [.. finalizers] : null;
        base.PrepareForUpdate(value, old);
    }

    public override void Validate(Namespace value, FieldErrorList errors)
    {
        foreach (string finalizer in value.Spec?.Finalizers ?? [])
        {
            if (NameValidation.QualifiedNameProblem(finalizer) is { } problem)
            {
                errors.Invalid("spec.finalizers", finalizer, problem);
            }
            else if (!finalizer.Contains('/', StringComparison.Ordinal) && finalizer != KubernetesFinalizer)
            {
                errors.Invalid("spec.finalizers", finalizer, "name is neither a standard finalizer name nor is it fully qualified");
            }
        }
    }

    public override object? GetSpec(Namespace value) => value.Spec;

    public override void CopyStatus(Namespace source, Namespace target) => target.Status = source.Status;

    public override void TableRow(Namespace value, DateTime now, List<object?> cells)
    {
        cells.Add(value.Status?.Phase ?? "");
        cells.Add(TableFormat.Age(value.Metadata.CreationTimestamp, now));
    }

    public override bool TryGetField(Namespace value, string field, out string? fieldValue)
    {
        fieldValue = field == "status.phase" ? value.Status?.Phase ?? "" : null;
        return fieldValue is not null;
    }
}
