namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// A PreFilter plugin's narrowing of the search to named nodes (a DaemonSet pod's metadata.name affinity, say).
/// Null from a plugin means "every node"; results of several plugins intersect.
/// </summary>
public sealed class PreFilterResult(IReadOnlySet<string> nodeNames)
{
    public IReadOnlySet<string> NodeNames { get; } = nodeNames;

    public static IReadOnlySet<string>? Merge(IReadOnlySet<string>? current, PreFilterResult? next)
    {
        if (next is null)
        {
            return current;
        }
        if (current is null)
        {
            return next.NodeNames;
        }
        var both = new HashSet<string>(current.Where(next.NodeNames.Contains), StringComparer.Ordinal);
        return both;
    }
}
