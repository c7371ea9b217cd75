using System.Text.Json.Nodes;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// bench/scheduler-workloads.yaml: the cases, and a free-form "templates" map that only holds YAML anchors
/// (&amp;name) the cases refer to (*name); the loader reads nothing from it directly.
/// </summary>
internal sealed class WorkloadFile
{
    public JsonObject? Templates { get; set; }

    public List<WorkloadCase> Cases { get; set; } = [];
}
