namespace RaftOrchestrator.SchedBench;

/// <summary>Labels that only every Every-th node has (node i when i mod Every = 0): a subset for preferred affinity to aim at.</summary>
internal sealed class NodeLabelSet
{
    public int Every { get; set; } = 1;

    public Dictionary<string, string> Labels { get; set; } = [];
}
