namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>Asks stream <see cref="Stream"/> for a bookmark in the middle of the history.</summary>
internal sealed record RequestProgressOp(int Stream) : StoreOp
{
    public override string ToString() => $"RequestProgress(stream {Stream})";
}
