namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// Each filtered node's failure. Nodes never filtered (PreFilter narrowed the search past them) answer
/// <see cref="AbsentNodesStatus"/>, UnschedulableAndUnresolvable by default as kube-scheduler has it.
/// </summary>
public sealed class NodeToStatus
{
    private readonly Dictionary<string, Status> _statuses = new(StringComparer.Ordinal);

    public Status AbsentNodesStatus { get; set; } =
        Status.Create(StatusCode.UnschedulableAndUnresolvable, null, "node(s) didn't satisfy plugin(s) (PreFilter)");

    public int Count => _statuses.Count;

    public IReadOnlyDictionary<string, Status> Explicit => _statuses;

    public void Set(string nodeName, Status status) => _statuses[nodeName] = status;

    public Status Get(string nodeName) => _statuses.TryGetValue(nodeName, out Status? s) ? s : AbsentNodesStatus;
}
