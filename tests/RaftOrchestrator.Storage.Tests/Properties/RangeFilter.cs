namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>Bounds on the mod and create revisions of the versions a range returns; 0 is no bound.</summary>
internal sealed record RangeFilter(long MinMod, long MaxMod, long MinCreate, long MaxCreate)
{
    public static RangeFilter None { get; } = new(0, 0, 0, 0);

    public bool Passes(ModelKv kv) =>
        (MinMod == 0 || kv.ModRevision >= MinMod) && (MaxMod == 0 || kv.ModRevision <= MaxMod)
        && (MinCreate == 0 || kv.CreateRevision >= MinCreate) && (MaxCreate == 0 || kv.CreateRevision <= MaxCreate);

    public override string ToString() => this == None ? "" : $", mod [{MinMod}, {MaxMod}], create [{MinCreate}, {MaxCreate}]";
}
