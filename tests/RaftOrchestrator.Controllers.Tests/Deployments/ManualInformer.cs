using RaftOrchestrator.Client.Informers;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

internal sealed class ManualInformer<T>(ILister<T> lister) : IInformer<T> where T : class
{
    private readonly List<IResourceEventHandler<T>> _handlers = [];

    public ILister<T> Lister { get; } = lister;

    public bool HasSynced => true;

    public string LastSyncResourceVersion => "0";

    public void AddIndex(string name, Func<T, IEnumerable<string>> keys)
    {
    }

    public IDisposable AddHandler(IResourceEventHandler<T> handler, TimeSpan? resync = null)
    {
        _handlers.Add(handler);
        return new Registration(() => _handlers.Remove(handler));
    }

    /// <summary>Delivers an event to every handler, as the informer's delivery thread would.</summary>
    public void Fire(Action<IResourceEventHandler<T>> deliver)
    {
        foreach (IResourceEventHandler<T> handler in _handlers.ToArray())
        {
            deliver(handler);
        }
    }

    private sealed class Registration(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
