using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

internal sealed record RangeStoreOp(
    RangeSpec Range,
    RevisionPick Revision,
    long Limit,
    bool CountOnly,
    bool KeysOnly,
    SortOrder Order,
    SortTarget Target,
    RangeFilter Filter) : StoreOp
{
    public RangeRequest ToRequest(long revision) => new(Range.ToKeyRange())
    {
        Revision = revision,
        Limit = Limit,
        CountOnly = CountOnly,
        KeysOnly = KeysOnly,
        SortOrder = Order,
        SortTarget = Target,
        MinModRevision = Filter.MinMod,
        MaxModRevision = Filter.MaxMod,
        MinCreateRevision = Filter.MinCreate,
        MaxCreateRevision = Filter.MaxCreate,
    };

    public override string ToString() =>
        $"Range({Range}, rev {Revision}{(Limit != 0 ? $", limit {Limit}" : "")}{(CountOnly ? ", countOnly" : "")}"
        + $"{(KeysOnly ? ", keysOnly" : "")}"
        + $"{(Order != SortOrder.None || Target != SortTarget.Key ? $", sort {Target} {Order}" : "")}{Filter})";
}
