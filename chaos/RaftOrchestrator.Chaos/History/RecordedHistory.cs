namespace RaftOrchestrator.Chaos.History;

/// <summary>
/// Everything a run recorded, as the checkers take it. Saved to and loaded from a report folder as one JSON-lines
/// file per record type (<see cref="HistoryFiles"/>).
/// </summary>
public sealed record RecordedHistory(
    IReadOnlyList<Operation> Operations,
    IReadOnlyList<WatchRecord> Watch,
    IReadOnlyList<FinalRead> FinalReads,
    IReadOnlyList<ClusterSnapshot> Snapshots,
    IReadOnlyList<BindObservation> Binds)
{
    public static readonly RecordedHistory Empty = new([], [], [], [], []);
}
