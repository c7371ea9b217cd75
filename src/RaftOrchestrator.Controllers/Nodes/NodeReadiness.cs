using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>Node conditions as the lifecycle controllers read them.</summary>
public static class NodeReadiness
{
    public const string Ready = "Ready";

    public static NodeCondition? Condition(Node node, string type)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Status?.Conditions?.Find(c => c.Type == type);
    }

    /// <summary>The Ready condition's status: True, False, Unknown, or null when the node never posted one.</summary>
    public static string? ReadyStatus(Node node) => Condition(node, Ready)?.Status;

    public static bool IsReady(Node node) => ReadyStatus(node) == "True";
}
