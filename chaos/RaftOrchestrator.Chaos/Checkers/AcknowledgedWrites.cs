using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>
/// The acknowledged writes of a KV history that recorded their revision, by revision. Every op of the chaos traffic
/// writes one key, so a revision belongs to exactly one write; two acknowledged writes at one revision are a
/// violation in themselves (<see cref="Conflicts"/>).
/// </summary>
internal sealed class AcknowledgedWrites
{
    private readonly Dictionary<long, Operation> _byRevision = [];

    public AcknowledgedWrites(IEnumerable<Operation> history)
    {
        foreach (Operation op in history)
        {
            if (!op.IsAcknowledgedWrite || op.Output?.Revision is not long revision) continue;
            if (_byRevision.TryGetValue(revision, out Operation? other))
            {
                Conflicts.Add($"revision {revision} acknowledged for two writes:\n    {other}\n    {op}");
                continue;
            }
            _byRevision[revision] = op;
        }
    }

    public List<string> Conflicts { get; } = [];

    public IEnumerable<Operation> All => _byRevision.Values;

    public bool TryGet(long revision, out Operation op) => _byRevision.TryGetValue(revision, out op!);

    /// <summary>
    /// Whether a watch event's value is what the write put: a put's or cas's value, or for an append a list whose
    /// last element is the appended one (the event carries the whole encoded list).
    /// </summary>
    public static bool ValueMatches(Operation write, string? eventValue) => write.Kind == OperationKind.Append
        ? ListEncoding.Decode(eventValue) is { Count: > 0 } list
            && string.Equals(list[^1], write.Input.Value, StringComparison.Ordinal)
        : string.Equals(write.Input.Value, eventValue, StringComparison.Ordinal);
}
