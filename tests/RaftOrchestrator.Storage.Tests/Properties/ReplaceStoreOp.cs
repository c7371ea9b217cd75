namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>Snapshots the hub's store, restores it and installs the copy with <c>WatchableStore.ReplaceStore</c>.</summary>
internal sealed record ReplaceStoreOp : StoreOp
{
    public override string ToString() => "ReplaceStore(restored snapshot)";
}
