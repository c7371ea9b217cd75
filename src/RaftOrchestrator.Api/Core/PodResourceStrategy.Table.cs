using System.Globalization;
using RaftOrchestrator.Api.Registration;

namespace RaftOrchestrator.Api.Core;

public sealed partial class PodResourceStrategy
{
    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.Text("Ready", "The aggregate readiness state of this pod for accepting traffic."),
        TableColumn.Text("Status", "The aggregate status of the containers in this pod."),
        TableColumn.Text("Restarts", "The number of times the containers in this pod have been restarted, and when the last one was."),
        TableColumn.Age,
        TableColumn.Text("IP", "The pod's IP address.", priority: 1),
        TableColumn.Text("Node", "The node the pod is assigned to.", priority: 1),
        TableColumn.Text("Nominated Node", "The node the scheduler nominated for a preempting pod.", priority: 1),
        TableColumn.Text("Readiness Gates", "How many of the pod's readiness gates are true.", priority: 1),
    ];

    public override void TableRow(Pod value, DateTime now, List<object?> cells)
    {
        PodRowState row = PodRowState.Of(value);
        cells.Add($"{row.Ready.ToString(CultureInfo.InvariantCulture)}/{row.Total.ToString(CultureInfo.InvariantCulture)}");
        cells.Add(row.Reason);
        cells.Add(row.Restarts != 0 && row.LastRestart is { } last
            ? $"{row.Restarts.ToString(CultureInfo.InvariantCulture)} ({TableFormat.Age(last, now)} ago)"
            : row.Restarts.ToString(CultureInfo.InvariantCulture));
        cells.Add(TableFormat.Age(value.Metadata.CreationTimestamp, now));
        cells.Add(NoneIfEmpty(PodIP(value.Status)));
        cells.Add(NoneIfEmpty(value.Spec.NodeName));
        cells.Add(NoneIfEmpty(value.Status.NominatedNodeName));
        cells.Add(ReadinessGates(value));
    }

    private static string NoneIfEmpty(string? value) => string.IsNullOrEmpty(value) ? "<none>" : value;

    /// <summary>"true/total" over the readiness gates, "&lt;none&gt;" without gates.</summary>
    private static string ReadinessGates(Pod pod)
    {
        List<PodReadinessGate>? gates = pod.Spec.ReadinessGates;
        if (gates is not { Count: > 0 })
        {
            return "<none>";
        }
        int met = gates.Count(g => pod.Status.Conditions?.FirstOrDefault(c => c.Type == g.ConditionType)?.Status == "True");
        return $"{met.ToString(CultureInfo.InvariantCulture)}/{gates.Count.ToString(CultureInfo.InvariantCulture)}";
    }
}
