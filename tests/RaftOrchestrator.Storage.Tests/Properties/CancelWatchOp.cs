namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>Cancels the watch created <see cref="Ordinal"/>-th (modulo the watches created so far).</summary>
internal sealed record CancelWatchOp(int Ordinal) : StoreOp
{
    public override string ToString() => $"CancelWatch(#{Ordinal})";
}
