namespace RaftOrchestrator.Storage.Tests.Properties;

internal sealed record GrantLeaseStoreOp(long Id, long Ttl) : StoreOp
{
    public override string ToString() => $"GrantLease({Id}, ttl {Ttl})";
}
