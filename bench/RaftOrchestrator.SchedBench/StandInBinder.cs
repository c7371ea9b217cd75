using System.Threading.Channels;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// A dumb test binder, not a scheduler: it watches the unbound pods (fieldSelector spec.nodeName=) and binds each
/// through pods/{name}/binding to the next node in round-robin order, ignoring resources, affinity and
/// everything else, with a bounded number of binds in flight. It lets the harness be tested end to end before a
/// scheduler exists, and its figure is the API's raw bind ceiling for reference; it is never reported as a
/// scheduler figure.
/// </summary>
internal sealed class StandInBinder
{
    private readonly KubeCalls _api;
    private readonly string[] _nodes;
    private readonly int _concurrency;
    private readonly Action<string> _note;
    private readonly Channel<(string Namespace, string Name)> _queue = Channel.CreateUnbounded<(string, string)>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);   // the watch reader's only
    private readonly PodWatch _watch;
    private long _next = -1;
    private int _ok;
    private int _errors;
    private int _reportedErrors;

    public StandInBinder(KubeCalls api, IReadOnlyList<string> nodes, int concurrency, Action<string> note)
    {
        _api = api;
        _nodes = [.. nodes];
        _concurrency = concurrency;
        _note = note;
        _watch = new PodWatch(api, "spec.nodeName=", OnEvent, note);
    }

    public Task Connected => _watch.Connected;

    public int Ok => Volatile.Read(ref _ok);

    public int Errors => Volatile.Read(ref _errors);

    /// <summary>The watch and the bind workers, until cancelled.</summary>
    public async Task RunAsync(long fromRevision, CancellationToken ct)
    {
        Task watch = _watch.RunAsync(fromRevision, ct);
        Task[] workers = [.. Enumerable.Range(0, _concurrency).Select(_ => BindLoopAsync(ct))];
        try
        {
            await Task.WhenAll([watch, .. workers]);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    // On the watch's reader task only (single writer).
    private void OnEvent(PodEvent e)
    {
        if (e.Type is not ("ADDED" or PodEvent.Listed) || e.NodeName is not null || e.Namespace is null || e.Name is null
            || !e.Namespace.StartsWith("sched-", StringComparison.Ordinal) || !_queued.Add(e.Name))
        {
            return;
        }
        _queue.Writer.TryWrite((e.Namespace, e.Name));
    }

    private async Task BindLoopAsync(CancellationToken ct)
    {
        while (await _queue.Reader.WaitToReadAsync(ct))
        {
            while (_queue.Reader.TryRead(out (string Namespace, string Name) pod))
            {
                string node = _nodes[(int)(Interlocked.Increment(ref _next) % _nodes.Length)];
                CallResult result = await _api.BindAsync(pod.Namespace, pod.Name, node, ct);
                if (result.Ok)
                {
                    Interlocked.Increment(ref _ok);
                }
                else
                {
                    Interlocked.Increment(ref _errors);
                    if (Interlocked.Increment(ref _reportedErrors) <= 3)
                    {
                        _note($"stand-in binder: binding {pod.Namespace}/{pod.Name} to {node} failed: {result.Error}");
                    }
                }
            }
        }
    }
}
