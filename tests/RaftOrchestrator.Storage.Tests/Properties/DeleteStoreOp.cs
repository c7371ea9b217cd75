namespace RaftOrchestrator.Storage.Tests.Properties;

internal sealed record DeleteStoreOp(RangeSpec Range, bool PrevKv) : StoreOp
{
    public override string ToString() => $"Delete({Range}{(PrevKv ? ", prevKvs" : "")})";
}
