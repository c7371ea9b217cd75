using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.GarbageCollection;

/// <summary>
/// kube-controller-manager's "garbagecollector": deletes objects whose owners are gone (background cascade),
/// carries out foreground deletion (dependents first, then the owner's foregroundDeletion finalizer) and orphan
/// deletion (references removed, then the orphan finalizer). It watches every stored kind of the catalog except
/// <see cref="GarbageCollectorOptions.IgnoredResources"/>, with one queue and one set of workers per kind.
/// </summary>
public sealed class GarbageCollector : IController
{
    private readonly GarbageCollectorOptions _options;
    private readonly ApiCatalog _catalog;
    private readonly List<(IKindMonitor Monitor, GarbageCollectorReconciler Reconciler)> _kinds = [];
    private ControllerContext? _context;

    public GarbageCollector()
        : this(new GarbageCollectorOptions())
    {
    }

    public GarbageCollector(GarbageCollectorOptions options)
        : this(options, ApiCatalog.Default)
    {
    }

    /// <summary>Over another catalog (tests).</summary>
    public GarbageCollector(GarbageCollectorOptions options, ApiCatalog catalog)
    {
        _options = options ?? new GarbageCollectorOptions();
        _catalog = catalog ?? ApiCatalog.Default;
    }

    public string Name => "garbagecollector";

    public void Register(ControllerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        ILogger logger = context.LoggerFactory.CreateLogger("RaftOrchestrator.Controllers.GarbageCollector");
        var graph = new DependencyGraph(_options.AbsentOwnerCacheSize);
        foreach (ResourceDescriptor descriptor in _catalog.Resources.Where(d => d.Stored && d.Verbs.Contains("get") && d.Verbs.Contains("patch")))
        {
            bool watch = Watchable(descriptor) && !_options.IgnoredResources.Contains(descriptor.QualifiedPlural);
            graph.Add(descriptor.Accept(new KindMonitorFactory(context, graph, watch)));
        }
        foreach (IKindMonitor monitor in graph.Watched)
        {
            _kinds.Add((monitor, new GarbageCollectorReconciler(monitor, graph, logger)));
        }
        GarbageCollectorLog.Monitoring(logger, graph.Watched.Count, string.Join(",", graph.Watched.Select(m => m.Descriptor.QualifiedPlural)));
    }

    /// <summary>Waits for every informer, then runs <paramref name="workers"/> workers per watched kind until cancelled.</summary>
    public async Task RunAsync(int workers, CancellationToken cancellationToken)
    {
        if (_context is null)
        {
            throw new InvalidOperationException($"{Name}: Register must be called before RunAsync");
        }
        if (!await _context.Informers.WaitForCacheSyncAsync(cancellationToken))
        {
            return;
        }
        ILogger logger = _context.LoggerFactory.CreateLogger("RaftOrchestrator.Controllers.GarbageCollector");
        await Task.WhenAll(_kinds.Select(k =>
            ControllerWorkers.RunAsync($"{Name}/{k.Monitor.Descriptor.QualifiedPlural}", k.Monitor.Queue!, k.Reconciler, workers, logger, cancellationToken)));
    }

    private static bool Watchable(ResourceDescriptor descriptor) =>
        descriptor.Verbs.Contains("list") && descriptor.Verbs.Contains("watch") && descriptor.Verbs.Contains("delete");
}
