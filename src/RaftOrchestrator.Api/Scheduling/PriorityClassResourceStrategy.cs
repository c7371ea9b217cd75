using System.Globalization;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Scheduling;

/// <summary>
/// PriorityClasses (Kubernetes' priorityClassStrategy and ValidatePriorityClass): preemptionPolicy defaults to
/// PreemptLowerPriority; a "system-" name must be one of the system classes with its exact value and
/// globalDefault false; any other class is at most <see cref="SchedulingPriorities.HighestUserDefinable"/>; value
/// and preemptionPolicy never change. The one-default rule needs the other classes and is the Priority admission's.
/// </summary>
public sealed class PriorityClassResourceStrategy : ResourceStrategy<PriorityClass>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.Number("Value", "value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec."),
        new TableColumn("Global-Default", "boolean", "", "globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority."),
        TableColumn.Age,
        TableColumn.Text("PreemptionPolicy", "preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset."),
    ];

    public override void ApplyDefaults(PriorityClass value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value.PreemptionPolicy ??= SchedulingPriorities.PreemptLowerPriority;
    }

    public override void Validate(PriorityClass value, FieldErrorList errors)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(errors);
        string name = value.Metadata.Name ?? "";
        if (name.StartsWith(SchedulingPriorities.SystemPrefix, StringComparison.Ordinal))
        {
            if (SystemClassError(value) is { } error)
            {
                errors.Forbidden("metadata.name",
                    $"priority class names with '{SchedulingPriorities.SystemPrefix}' prefix are reserved for system use only. error: {error}");
            }
        }
        else if (value.Value > SchedulingPriorities.HighestUserDefinable)
        {
            errors.Forbidden("value",
                $"maximum allowed value of a user defined priority is {SchedulingPriorities.HighestUserDefinable.ToString(CultureInfo.InvariantCulture)}");
        }
        if (value.PreemptionPolicy is { } policy && !SchedulingPriorities.PreemptionPolicies.Contains(policy))
        {
            errors.NotSupported("preemptionPolicy", policy, SchedulingPriorities.PreemptionPolicies);
        }
    }

    public override void ValidateUpdate(PriorityClass value, PriorityClass old, FieldErrorList errors)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(errors);
        Validate(value, errors);
        if (value.Value != old.Value)
        {
            errors.Forbidden("value", "may not be changed in an update.");
        }
        if (value.PreemptionPolicy != old.PreemptionPolicy)
        {
            errors.Immutable("preemptionPolicy", value.PreemptionPolicy);
        }
    }

    public override void TableRow(PriorityClass value, DateTime now, List<object?> cells)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(cells);
        cells.Add(value.Value);
        cells.Add(value.GlobalDefault);
        cells.Add(TableFormat.Age(value.Metadata.CreationTimestamp, now));
        cells.Add(value.PreemptionPolicy ?? "");
    }

    /// <summary>Why a "system-" class is not one of the known system classes as Kubernetes defines them; null when it is.</summary>
    private static string? SystemClassError(PriorityClass value)
    {
        PriorityClass? known = SchedulingPriorities.SystemClasses().FirstOrDefault(c => c.Metadata.Name == value.Metadata.Name);
        if (known is null)
        {
            return $"{value.Metadata.Name} is not a known system priority class";
        }
        if (known.Value != value.Value)
        {
            return $"value of {known.Metadata.Name} PriorityClass must be {known.Value.ToString(CultureInfo.InvariantCulture)}";
        }
        return value.GlobalDefault ? $"globalDefault of {known.Metadata.Name} PriorityClass must be false" : null;
    }
}
