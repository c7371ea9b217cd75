using System.Text.Json.Nodes;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// M pods named pod-000000.. in namespaces sched-0..sched-(Namespaces-1) (pod i in namespace i mod Namespaces),
/// from a Kubernetes Pod template in which every "{{group}}" becomes g(i mod Groups). InitCount pods of the same
/// template (init-000000..) are created and bound before the measured ones, as scheduler_perf's initPods.
/// </summary>
internal sealed class PodShape
{
    public int Count { get; set; }

    public int InitCount { get; set; }

    public int Namespaces { get; set; } = 1;

    public int Groups { get; set; } = 1;

    public JsonObject Template { get; set; } = [];
}
