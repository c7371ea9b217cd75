using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RaftOrchestrator.Agent.Pods;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Agent.StaticPods;

/// <summary>
/// The static pods of one node (the kubelet's config merger for its file and http sources, plus the mirror pod
/// client): merges what the sources last read into the pods that should run, hands them to the
/// <see cref="PodManager"/> (which runs them through the same pod workers as API pods), stops the ones whose
/// manifest is gone or changed (a changed manifest is a new uid: the new pod starts once the old one of the same
/// name has stopped, as the kubelet serialises static pods by name), and keeps one mirror pod in the API for each
/// (see StaticPodManager.Mirrors.cs).
/// </summary>
/// <remarks>
/// Threads: sources, the pod manager and the informer only post (<see cref="SetSource"/>, <see cref="WorkerFinished"/>,
/// <see cref="MirrorChanged"/>) and kick; one loop (<see cref="RunAsync"/>) does all the work, so the loop's fields
/// (<see cref="_running"/>, <see cref="_stopping"/>, <see cref="_seen"/>) need no lock. <see cref="_gate"/> guards
/// <see cref="_sources"/>.
/// </remarks>
internal sealed partial class StaticPodManager
{
    private readonly object _gate = new();
    private readonly Dictionary<string, IReadOnlyList<Pod>> _sources = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _configured;
    private readonly ConcurrentQueue<string> _finished = new();
    private readonly Channel<bool> _kicks = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly PodManager _pods;
    private readonly NodeAgentOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // Loop state.
    /// <summary>Static pods handed to the pod manager whose worker has not finished yet (running or stopping), by uid.</summary>
    private readonly Dictionary<string, Pod> _running = new(StringComparer.Ordinal);
    /// <summary>Uids of <see cref="_running"/> pods told to stop.</summary>
    private readonly HashSet<string> _stopping = new(StringComparer.Ordinal);
    /// <summary>config.seen of each uid a source gave (kept while a source or a worker has it).</summary>
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
    /// <summary>Uids refused for a duplicate name and logged (so once each).</summary>
    private readonly HashSet<string> _duplicates = new(StringComparer.Ordinal);

    /// <remarks>
    /// <paramref name="configured"/>: the sources that will report ("file", "http"), in precedence order for duplicate
    /// names. <paramref name="apiPod"/>, <paramref name="apiPods"/>: this node's pods as the agent's informer has them
    /// (one by namespace and name; all). <paramref name="node"/>: the Node as last registered or written (its uid owns the mirrors).
    /// </remarks>
    public StaticPodManager(IReadOnlyList<string> configured, PodManager pods, IResourceClient<Pod> client, Func<string, string, Pod?> apiPod, Func<IReadOnlyList<Pod>> apiPods, Func<Node?> node, NodeAgentOptions options, TimeProvider time, ILogger logger)
    {
        _configured = configured;
        _pods = pods;
        _client = client;
        _apiPod = apiPod;
        _apiPods = apiPods;
        _node = node;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Static pods with a worker (running or stopping).</summary>
    public int Count => Volatile.Read(ref _count);

    private int _count;

    /// <summary>What source <paramref name="source"/> now describes (all of it).</summary>
    public void SetSource(string source, IReadOnlyList<Pod> pods)
    {
        lock (_gate)
        {
            _sources[source] = pods;
        }
        Kick();
    }

    /// <summary>The pod manager's worker of <paramref name="uid"/> is done (stopped and cleaned up).</summary>
    public void WorkerFinished(string uid)
    {
        _finished.Enqueue(uid);
        Kick();
    }

    /// <summary>
    /// A mirror pod changed in the API (from the agent's pod informer, which hands mirrors here instead of starting a
    /// worker for them). A new mirror also gets its static pod's worker kicked, so the status is written to it.
    /// </summary>
    public void MirrorChanged(Pod mirror, bool added)
    {
        if (added && StaticPodAnnotations.MirrorHash(mirror) is { Length: > 0 } hash)
        {
            _pods.Kick(hash);
        }
        Kick();
    }

    /// <summary>Syncs on every change, every resync period, and after a failed API call (retry period) until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using ITimer resync = _time.CreateTimer(static state => ((StaticPodManager)state!).Kick(), this, _options.PodResyncPeriod, _options.PodResyncPeriod);
        using ITimer retry = _time.CreateTimer(static state => ((StaticPodManager)state!).Kick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        try
        {
            while (await _kicks.Reader.WaitToReadAsync(cancellationToken))
            {
                _kicks.Reader.TryRead(out _);
                bool ok;
                try
                {
                    Sync();
                    ok = await SyncMirrorsAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    StaticPodLog.SyncFailed(_logger, e, "syncing static and mirror pods");
                    ok = false;
                }
                if (!ok)
                {
                    retry.Change(_options.SyncRetryPeriod, Timeout.InfiniteTimeSpan);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping: the static pods' containers stay with the runtime, as API pods' do
        }
    }

    private void Kick() => _kicks.Writer.TryWrite(true);

    /// <summary>Starts and stops static pods so the workers match what the sources say.</summary>
    private void Sync()
    {
        while (_finished.TryDequeue(out string? uid))
        {
            _running.Remove(uid);
            _stopping.Remove(uid);
        }
        Dictionary<string, Pod> desired = Desired();
        foreach ((string uid, Pod pod) in _running)
        {
            if ((!desired.TryGetValue(FullName(pod), out Pod? wanted) || wanted.Metadata.Uid != uid) && _stopping.Add(uid))
            {
                StaticPodLog.Stopping(_logger, FullName(pod), uid);
                _pods.Remove(pod);
            }
        }
        foreach (Pod pod in desired.Values)
        {
            string uid = pod.Metadata.Uid!;
            if (_running.ContainsKey(uid) || _running.Values.Any(p => FullName(p) == FullName(pod)))
            {
                continue; // runs already, or waits for the old pod of its name to stop
            }
            Pod copy = StaticPodManifest.Copy(pod);
            _running[uid] = copy;
            StaticPodLog.Starting(_logger, FullName(pod), uid, pod.Metadata.Annotations![StaticPodAnnotations.Source]);
            _pods.Update(copy);
        }
        foreach (string uid in _seen.Keys.Where(u => !_running.ContainsKey(u) && !desired.Values.Any(p => p.Metadata.Uid == u)).ToList())
        {
            _seen.Remove(uid);
        }
        _duplicates.RemoveWhere(u => !desired.Values.Any(p => p.Metadata.Uid == u) && !_seen.ContainsKey(u));
        Volatile.Write(ref _count, _running.Count);
    }

    /// <summary>
    /// The pods the sources describe, by namespace/name, each with its config.seen. A name given twice (in one source
    /// or in two) is kept for the first pod only (files before the URL, in name order), as the kubelet refuses
    /// duplicate full names.
    /// </summary>
    private Dictionary<string, Pod> Desired()
    {
        List<(string Source, IReadOnlyList<Pod> Pods)> snapshot;
        lock (_gate)
        {
            snapshot = [.. _configured.Where(_sources.ContainsKey).Select(s => (s, _sources[s]))];
        }
        string now = StaticPodManifest.SeenValue(_time.GetUtcNow());
        var desired = new Dictionary<string, Pod>(StringComparer.Ordinal);
        foreach ((string source, IReadOnlyList<Pod> pods) in snapshot)
        {
            foreach (Pod pod in pods)
            {
                string uid = pod.Metadata.Uid!;
                if (!desired.TryAdd(FullName(pod), pod))
                {
                    if (desired[FullName(pod)].Metadata.Uid != uid && _duplicates.Add(uid))
                    {
                        StaticPodLog.DuplicateName(_logger, source, FullName(pod), uid);
                    }
                    continue;
                }
                if (!_seen.TryGetValue(uid, out string? seen))
                {
                    seen = now;
                    _seen[uid] = seen;
                }
                pod.Metadata.Annotations![StaticPodAnnotations.Seen] = seen;
            }
        }
        return desired;
    }

    /// <summary>Every configured source has reported at least once (the kubelet's sourcesReady): only then are orphaned mirrors deleted.</summary>
    private bool SourcesReady()
    {
        lock (_gate)
        {
            return _configured.All(_sources.ContainsKey);
        }
    }

    private static string FullName(Pod pod) => $"{pod.Metadata.Namespace}/{pod.Metadata.Name}";
}
