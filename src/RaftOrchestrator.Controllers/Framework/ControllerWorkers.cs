using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Queues;

namespace RaftOrchestrator.Controllers.Framework;

/// <summary>
/// The worker loop of every controller (client-go's processNextWorkItem): take a key, reconcile it, then Forget on
/// success (and AddAfter when asked), AddRateLimited on failure, and Done in every case. A reconciler that throws is
/// a failure of that key only, logged and retried with backoff.
/// </summary>
public static class ControllerWorkers
{
    /// <summary>Runs <paramref name="workers"/> loops until cancelled; then shuts the queue down and waits for them.</summary>
    public static async Task RunAsync(string controller, IWorkQueue<ObjectKey> queue, IReconciler reconciler, int workers, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        using CancellationTokenRegistration stop = cancellationToken.Register(queue.ShutDown);
        var loops = new Task[workers];
        for (int i = 0; i < workers; i++)
        {
            loops[i] = Task.Run(() => WorkAsync(controller, queue, reconciler, logger, cancellationToken), CancellationToken.None);
        }
        await Task.WhenAll(loops);
    }

    private static async Task WorkAsync(string controller, IWorkQueue<ObjectKey> queue, IReconciler reconciler, ILogger logger, CancellationToken cancellationToken)
    {
        while (true)
        {
            QueueItem<ObjectKey> item = await queue.TakeAsync(CancellationToken.None);
            if (!item.HasItem)
            {
                return;
            }
            try
            {
                ReconcileResult result = await ReconcileOneAsync(controller, reconciler, item.Key, logger, cancellationToken);
                if (result.Failed)
                {
                    if (!cancellationToken.IsCancellationRequested)
                    {
                        ControllerLog.ReconcileFailed(logger, controller, item.Key.ToString(), result.Failure!, queue.Requeues(item.Key));
                        queue.AddRateLimited(item.Key);
                    }
                    continue;
                }
                queue.Forget(item.Key);
                if (result.RequeueAfter is { } delay)
                {
                    queue.AddAfter(item.Key, delay);
                }
            }
            finally
            {
                queue.Done(item.Key);
            }
        }
    }

    private static async ValueTask<ReconcileResult> ReconcileOneAsync(string controller, IReconciler reconciler, ObjectKey key, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await reconciler.ReconcileAsync(key, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ReconcileResult.Retry("cancelled");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            ControllerLog.ReconcileThrew(logger, e, controller, key.ToString());
            return ReconcileResult.Retry(e.Message);
        }
    }
}
