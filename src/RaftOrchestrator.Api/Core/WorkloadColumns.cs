using RaftOrchestrator.Api.Registration;

namespace RaftOrchestrator.Api.Core;

/// <summary>The replica count columns that ReplicaSets and ReplicationControllers print before Age.</summary>
public static class WorkloadColumns
{
    public static IReadOnlyList<TableColumn> ReplicaCounts { get; } =
    [
        TableColumn.Number("Desired", "Number of desired pods."),
        TableColumn.Number("Current", "Number of actually running pods."),
        TableColumn.Number("Ready", "Number of ready pods."),
    ];

    /// <summary>The cells of a replica-set-like row (RS and RC): desired, current, ready, age, then the wide columns.</summary>
    public static void ReplicaRow(List<object?> cells, int desired, int current, int ready, DateTime? created, DateTime now,
        PodTemplateSpec? template, string selector)
    {
        cells.Add(desired);
        cells.Add(current);
        cells.Add(ready);
        cells.Add(TableFormat.Age(created, now));
        cells.Add(PodTemplateRules.Containers(template));
        cells.Add(PodTemplateRules.Images(template));
        cells.Add(selector.Length == 0 ? "<none>" : selector);
    }
}
