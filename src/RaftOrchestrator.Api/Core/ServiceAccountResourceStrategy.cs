using RaftOrchestrator.Api.Registration;

namespace RaftOrchestrator.Api.Core;

/// <summary>Service accounts: no spec and nothing to validate beyond metadata; the table counts the referenced secrets.</summary>
public sealed class ServiceAccountResourceStrategy : ResourceStrategy<ServiceAccount>
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
        [TableColumn.Number("Secrets", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use."), TableColumn.Age];

    public override void TableRow(ServiceAccount value, DateTime now, List<object?> cells)
    {
        cells.Add(value.Secrets?.Count ?? 0);
        cells.Add(TableFormat.Age(value.Metadata.CreationTimestamp, now));
    }
}
