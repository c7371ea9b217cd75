namespace RaftOrchestrator.Client.Events;

/// <summary>
/// The distinct messages of one aggregation group seen in the current window. Once they reach the limit the group
/// is combined (every occurrence counts up one combined Event) until it has been quiet for a whole window.
/// </summary>
internal sealed class AggregateRecord
{
    public HashSet<string> Messages { get; } = new(StringComparer.Ordinal);

    public DateTime Last { get; set; }

    public bool Combining { get; set; }
}
