namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// A revision chosen relative to the store's state when the operation runs, so that any sub-sequence
/// of a generated history (as produced by shrinking) is still meaningful.
/// </summary>
internal sealed record RevisionPick(RevisionPickKind Kind, int Seed)
{
    public long Resolve(long current, long compact) => Kind switch
    {
        RevisionPickKind.Zero => 0,
        RevisionPickKind.Current => current,
        RevisionPickKind.Retained => current == 0 ? 0 : Between(Math.Max(compact, 1), current),
        RevisionPickKind.Any => current == 0 ? 1 : Between(1, current),
        RevisionPickKind.BelowCompact => compact > 1 ? Between(1, compact - 1) : compact - 1,
        RevisionPickKind.AtCompact => compact,
        RevisionPickKind.Future => current + 1 + (Seed % 2),
        _ => -1 - (Seed % 3),
    };

    private long Between(long low, long high) => low + ((uint)Seed % (high - low + 1));

    public override string ToString() => $"{Kind}#{Seed}";
}
