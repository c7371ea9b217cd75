using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// N nodes named node-00000.., each with kubernetes.io/hostname = its name, topology.kubernetes.io/zone =
/// zone-(i mod Zones), the extra labels (and those of each <see cref="NodeLabelSet"/> it falls in), allocatable = capacity as given, and a Ready=True condition.
/// </summary>
internal sealed class NodeShape
{
    public int Count { get; set; }

    public int Zones { get; set; } = 10;

    public Dictionary<string, Quantity> Allocatable { get; set; } = [];

    public Dictionary<string, string> Labels { get; set; } = [];

    public List<NodeLabelSet> LabelSets { get; set; } = [];
}
