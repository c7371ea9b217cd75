using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Coordination;

/// <summary>Leases: positive durations, a non-negative transition count, and a preferred holder only with a strategy.</summary>
public sealed class LeaseResourceStrategy : ResourceStrategy<Lease>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
        [TableColumn.Text("Holder", "holderIdentity contains the identity of the holder of a current lease."), TableColumn.Age];

    public override void Validate(Lease value, FieldErrorList errors)
    {
        LeaseSpec? spec = value.Spec;
        if (spec is null)
        {
            return;
        }
        if (spec.LeaseDurationSeconds is int duration and <= 0)
        {
            errors.Invalid("spec.leaseDurationSeconds", duration, "must be greater than 0");
        }
        if (spec.LeaseTransitions is int transitions and < 0)
        {
            errors.Invalid("spec.leaseTransitions", transitions, "must be greater than or equal to 0");
        }
        if (!string.IsNullOrEmpty(spec.Strategy))
        {
            NameValidation.QualifiedName("spec.strategy", spec.Strategy, errors);
        }
        if (!string.IsNullOrEmpty(spec.PreferredHolder) && string.IsNullOrEmpty(spec.Strategy))
        {
            errors.Forbidden("spec.preferredHolder", "may only be specified if `strategy` is defined");
        }
    }

    public override object? GetSpec(Lease value) => value.Spec;

    public override void TableRow(Lease value, DateTime now, List<object?> cells)
    {
        cells.Add(value.Spec?.HolderIdentity ?? "");
        cells.Add(TableFormat.Age(value.Metadata.CreationTimestamp, now));
    }
}
