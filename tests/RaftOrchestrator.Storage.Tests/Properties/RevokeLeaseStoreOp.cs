namespace RaftOrchestrator.Storage.Tests.Properties;

internal sealed record RevokeLeaseStoreOp(long Id) : StoreOp
{
    public override string ToString() => $"RevokeLease({Id})";
}
