namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>Opens a watch on stream number <see cref="Stream"/> (streams are created on first use).</summary>
internal sealed record CreateWatchOp(
    int Stream, RangeSpec Range, WatchStartKind Start, int Seed, bool NoPut, bool NoDelete, bool PrevKv) : StoreOp
{
    public long ResolveStart(long current, long compact) => Start switch
    {
        WatchStartKind.Zero => 0,
        WatchStartKind.One => 1,
        WatchStartKind.Middle => 1 + ((uint)Seed % Math.Max(current, 1)),
        WatchStartKind.AtCompact => compact,
        WatchStartKind.Current => current,
        WatchStartKind.Next => current + 1,
        _ => current + 3,
    };

    public override string ToString() =>
        $"Watch(stream {Stream}, {Range}, start {Start}#{Seed}"
        + $"{(NoPut ? ", noPut" : "")}{(NoDelete ? ", noDelete" : "")}{(PrevKv ? ", prevKv" : "")})";
}
