namespace RaftOrchestrator.Storage.Tests.Properties;

internal sealed record CompactStoreOp(RevisionPick Revision) : StoreOp
{
    public override string ToString() => $"Compact(rev {Revision})";
}
