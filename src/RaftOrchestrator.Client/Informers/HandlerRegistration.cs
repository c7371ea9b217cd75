using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace RaftOrchestrator.Client.Informers;

/// <summary>
/// One handler of an informer with its own queue and delivery loop, so a slow handler delays only itself
/// (client-go's processorListener). The informer enqueues changes in cache order under its delivery lock; the loop
/// calls the handler one change at a time, in that order. A handler that throws is logged and keeps receiving.
/// The queue is unbounded, like client-go's ring buffer: a handler that never returns holds memory, not the cache.
/// </summary>
internal sealed class HandlerRegistration<T> : IDisposable where T : class
{
    private readonly Channel<CacheChange<T>> _pending = Channel.CreateUnbounded<CacheChange<T>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IResourceEventHandler<T> _handler;
    private readonly Action<HandlerRegistration<T>> _unregister;
    private readonly ILogger _logger;
    private readonly string _resource;
    private ITimer? _resync;

    public HandlerRegistration(IResourceEventHandler<T> handler, Action<HandlerRegistration<T>> unregister, ILogger logger, string resource)
    {
        _handler = handler;
        _unregister = unregister;
        _logger = logger;
        _resource = resource;
        Loop = Task.Run(DeliverAsync);
    }

    /// <summary>The delivery loop; it ends once the registration is disposed or the informer stopped, after the queue empties.</summary>
    public Task Loop { get; }

    public void Enqueue(CacheChange<T> change) => _pending.Writer.TryWrite(change);

    public void StartResync(TimeProvider time, TimeSpan period, Action<HandlerRegistration<T>> resync) =>
        _resync = time.CreateTimer(_ => resync(this), null, period, period);

    /// <summary>No more changes: the loop delivers what is queued, then ends.</summary>
    public void Complete()
    {
        _resync?.Dispose();
        _pending.Writer.TryComplete();
    }

    public void Dispose()
    {
        _unregister(this);
        Complete();
    }

    private async Task DeliverAsync()
    {
        await foreach (CacheChange<T> change in _pending.Reader.ReadAllAsync())
        {
            try
            {
                switch (change)
                {
                    case { Previous: null, Current: { } added }:
                        _handler.OnAdd(added);
                        break;
                    case { Previous: { } previous, Current: { } current }:
                        _handler.OnUpdate(previous, current);
                        break;
                    case { Previous: { } deleted }:
                        _handler.OnDelete(deleted);
                        break;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                InformerLog.HandlerThrew(_logger, e, _resource);
            }
        }
    }
}
