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
}
