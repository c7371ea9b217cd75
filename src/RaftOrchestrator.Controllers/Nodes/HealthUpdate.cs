using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>
/// One node's outcome of a monitor pass: the node as it now is (after the monitor's status write, if any), its Ready
/// status as the pass found it (<see cref="Observed"/>) and as it left it (<see cref="Current"/>; null while a node
/// that never posted a status is within its startup grace).
/// </summary>
internal readonly record struct HealthUpdate(Node Node, string? Observed, string? Current, bool Failed)
{
    public static HealthUpdate Failure(Node node) => new(node, null, null, true);
}
