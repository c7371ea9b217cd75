using System.Globalization;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// The Node objects of a case, as a kubelet would register them (no kubelet runs: scheduler_perf's fake nodes):
/// labels, capacity = allocatable, and a Ready=True condition. Nothing heartbeats them afterwards, which is why
/// the run disables the node lifecycle controller.
/// </summary>
internal static class NodeObjects
{
    public const string HostnameLabel = "kubernetes.io/hostname";
    public const string ZoneLabel = "topology.kubernetes.io/zone";

    public static string Name(int index) => string.Create(CultureInfo.InvariantCulture, $"node-{index:D5}");

    public static Node New(NodeShape shape, int index, DateTime now)
    {
        string name = Name(index);
        var labels = new Dictionary<string, string>(shape.Labels, StringComparer.Ordinal)
        {
            [HostnameLabel] = name,
            [ZoneLabel] = string.Create(CultureInfo.InvariantCulture, $"zone-{index % shape.Zones}"),
        };
        foreach (NodeLabelSet set in shape.LabelSets.Where(set => index % set.Every == 0))
        {
            foreach ((string key, string value) in set.Labels)
            {
                labels[key] = value;
            }
        }
        return new Node
        {
            ApiVersion = "v1",
            Kind = "Node",
            Metadata = new ObjectMeta { Name = name, Labels = labels },
            Spec = new NodeSpec(),
            Status = new NodeStatus
            {
                Capacity = new Dictionary<string, Quantity>(shape.Allocatable, StringComparer.Ordinal),
                Allocatable = new Dictionary<string, Quantity>(shape.Allocatable, StringComparer.Ordinal),
                Phase = "Running",
                Conditions = [new NodeCondition { Type = "Ready", Status = "True", Reason = "KubeletReady", Message = "ro-schedbench fake node", LastHeartbeatTime = now, LastTransitionTime = now }],
            },
        };
    }

    /// <summary>Whether a node as the server returned it is Ready with allocatable set (the create may drop status).</summary>
    public static bool IsReady(Node? node) =>
        node?.Status is { Allocatable.Count: > 0, Conditions: { } conditions } && conditions.Any(c => c is { Type: "Ready", Status: "True" });
}
