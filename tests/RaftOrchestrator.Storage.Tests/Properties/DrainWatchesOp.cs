namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>Reads every response already queued on every watch stream, making room for victims.</summary>
internal sealed record DrainWatchesOp : StoreOp
{
    public override string ToString() => "DrainWatches()";
}
