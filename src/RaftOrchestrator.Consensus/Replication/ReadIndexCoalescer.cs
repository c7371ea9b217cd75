namespace RaftOrchestrator.Consensus.Replication;

/// <summary>
/// Shares read-index rounds between concurrent readers, as etcd's linearizable read loop does: a reader
/// joins the next round that starts after it arrived (a round already running may have confirmed
/// leadership before the reader's write it must see was acknowledged), and one round answers every reader
/// that joined it. At most one round runs at a time. <c>_lock</c> guards <c>_next</c> and <c>_running</c>.
/// </summary>
internal sealed class ReadIndexCoalescer(Func<CancellationToken, Task<long>> round, CancellationToken lifetime)
{
    private readonly Lock _lock = new();
    private TaskCompletionSource<long>? _next;
    private bool _running;

    /// <summary>The index a read may be served at once it is applied.</summary>
    public Task<long> GetAsync(CancellationToken cancellationToken)
    {
        Task<long> result;
        bool start = false;
        lock (_lock)
        {
            _next ??= new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            result = _next.Task;
            if (!_running)
            {
                _running = start = true;
            }
        }
        if (start)
        {
            _ = Task.Run(RunAsync, CancellationToken.None);
        }
        return cancellationToken.CanBeCanceled ? result.WaitAsync(cancellationToken) : result;
    }

    private async Task RunAsync()
    {
        while (true)
        {
            TaskCompletionSource<long>? batch;
            lock (_lock)
            {
                batch = _next;
                _next = null;
                if (batch is null)
                {
                    _running = false;
                    return;
                }
            }
            try
            {
                batch.TrySetResult(await round(lifetime));
            }
#pragma warning disable CA1031 // the round's failure is every joined reader's failure, delivered through the task
            catch (Exception e)
#pragma warning restore CA1031
            {
                batch.TrySetException(e);
            }
        }
    }
}
