using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Queues;
using RaftOrchestrator.Controllers.Framework;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.ClusterTesting;

/// <summary>
/// A controller's whole context over the in-memory client: a fake clock, recorded events, informers that read the
/// store (<see cref="IndexedInformerFactory"/>) and real work queues, kept so tests can see what was enqueued.
/// </summary>
internal sealed class ClusterHarness
{
    private readonly Dictionary<string, WorkQueue<ObjectKey>> _queues = [];

    public ClusterHarness(InMemoryClusterOptions? options = null)
    {
        Client = new InMemoryClusterClient(Time, options);
        Informers = new IndexedInformerFactory(Client);
        Context = new ControllerContext
        {
            Client = Client,
            Informers = Informers,
            Events = Events,
            NewQueue = name => _queues[name] = new WorkQueue<ObjectKey>(Time),
            Time = Time,
        };
    }

    public FakeTimeProvider Time { get; } = new(TestClock.Start);

    public InMemoryClusterClient Client { get; }

    public RecordingEventRecorder Events { get; } = new();

    public IndexedInformerFactory Informers { get; }

    public ControllerContext Context { get; }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>The keys waiting in a controller's queue (taken, then marked done), in order.</summary>
    public async Task<List<ObjectKey>> DrainAsync(string controller)
    {
        WorkQueue<ObjectKey> queue = _queues[controller];
        var keys = new List<ObjectKey>();
        while (queue.Length > 0)
        {
            QueueItem<ObjectKey> item = await queue.TakeAsync(Token);
            keys.Add(item.Key);
            queue.Done(item.Key);
        }
        return keys;
    }
}
