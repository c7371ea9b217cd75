namespace RaftOrchestrator.Client.Watching;

/// <summary>
/// An open watch. One reader at a time. <see cref="ReadAsync"/> returns null when the server ended the watch
/// (timeout, shutdown, lost connection): the caller resumes from the last revision it saw.
/// </summary>
public interface IWatchStream<T> : IAsyncDisposable where T : class
{
    ValueTask<WatchEvent<T>?> ReadAsync(CancellationToken cancellationToken = default);
}
