using Microsoft.Extensions.Logging;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client.Informers;

/// <summary>
/// One <see cref="Informer{T}"/> per kind over all namespaces, shared by every controller of a process
/// (client-go's SharedInformerFactory). Informers asked for after <see cref="Start"/> start at once. Thread-safe:
/// <see cref="_gate"/> guards the informer table and the start state.
/// </summary>
public sealed class SharedInformerFactory : ISharedInformerFactory
{
    private readonly object _gate = new();
    private readonly Dictionary<Type, IRunnableInformer> _informers = [];
    private readonly List<Task> _runs = [];
    private readonly List<IRunnableInformer> _started = [];
    private readonly IClusterClient _client;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly InformerOptions _options;
    private CancellationToken? _running;

    public SharedInformerFactory(IClusterClient client, TimeProvider time, ILoggerFactory loggerFactory, InformerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _client = client;
        _time = time;
        _loggerFactory = loggerFactory;
        _options = (options ?? new InformerOptions()) with { Namespace = null, LabelSelector = null, FieldSelector = null };
    }

    /// <summary>Completes when every started informer has stopped (after the start token is cancelled).</summary>
    public Task Completion
    {
        get
        {
            lock (_gate)
            {
                return Task.WhenAll(_runs);
            }
        }
    }

    public IInformer<T> For<T>() where T : class, IKubernetesObject, new()
    {
        lock (_gate)
        {
            if (_informers.TryGetValue(typeof(T), out IRunnableInformer? existing))
            {
                return (Informer<T>)existing;
            }
            var informer = new Informer<T>(_client.Resource<T>(), _time, _loggerFactory.CreateLogger<Informer<T>>(), _options);
            _informers[typeof(T)] = informer;
            if (_running is { } token)
            {
                Run(informer, token);
            }
            return informer;
        }
    }

    public void Start(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_running is not null)
            {
                return;
            }
            _running = cancellationToken;
            foreach (IRunnableInformer informer in _informers.Values)
            {
                Run(informer, cancellationToken);
            }
        }
    }

    public async Task<bool> WaitForCacheSyncAsync(CancellationToken cancellationToken)
    {
        IRunnableInformer[] started;
        lock (_gate)
        {
            started = [.. _started];
        }
        bool[] synced = await Task.WhenAll(started.Select(i => i.WaitForSyncAsync(cancellationToken)));
        return synced.All(s => s);
    }

    private void Run(IRunnableInformer informer, CancellationToken cancellationToken)
    {
        _started.Add(informer);
        _runs.Add(Task.Run(() => informer.RunAsync(cancellationToken), CancellationToken.None));
    }
}
