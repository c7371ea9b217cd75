using System.Collections.Concurrent;
using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Agent.StaticPods;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client.Informers;

namespace RaftOrchestrator.Agent.Pods;

/// <summary>
/// The pods of one node: one <see cref="PodWorker"/> per pod uid, fed by the pod sources (the agent's informer of
/// spec.nodeName=&lt;node&gt;, through <see cref="IResourceEventHandler{T}"/>, and the static pod manager, through
/// <see cref="Update"/> and <see cref="Remove"/>), by the runtime's container events (routed by sandbox id) and by
/// a periodic resync. A worker stays until its pod is gone from its source and cleaned up. Mirror pods (the API's
/// copies of static pods) get no worker: the informer's events for them go to <see cref="MirrorChanged"/>.
/// </summary>
/// <remarks>
/// Handlers never block: they post to workers. The worker tables are concurrent dictionaries; a worker is added by
/// the pod source's thread and removed by the worker itself when done.
/// </remarks>
internal sealed class PodManager : IResourceEventHandler<Pod>
{
    private readonly ConcurrentDictionary<string, PodWorker> _workers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PodWorker> _bySandbox = new(StringComparer.Ordinal);
    private readonly PodContext _context;
    private readonly CancellationToken _stopping;

    public PodManager(PodContext context, CancellationToken stopping)
    {
        _context = context;
        _stopping = stopping;
    }

    /// <summary>Pods with a worker (running, terminating, or finished and kept).</summary>
    public int Count => _workers.Count;

    /// <summary>Where the informer's mirror pods go (the pod, and whether it was added); set before the informer runs.</summary>
    public Action<Pod, bool>? MirrorChanged { get; set; }

    /// <summary>Told the uid of each worker that finished (its pod gone and cleaned up); set before any pod arrives.</summary>
    public Action<string>? WorkerFinished { get; set; }

    public void OnAdd(Pod value)
    {
        if (!Mirror(value, added: true))
        {
            Update(value);
        }
    }

    public void OnUpdate(Pod previous, Pod current)
    {
        if (!Mirror(current, added: false))
        {
            Update(current);
        }
    }

    public void OnDelete(Pod value)
    {
        if (!Mirror(value, added: false))
        {
            Remove(value);
        }
    }

    /// <summary>Asks the worker of <paramref name="uid"/>, if any, for a sync soon.</summary>
    public void Kick(string uid)
    {
        if (_workers.TryGetValue(uid, out PodWorker? worker))
        {
            worker.Kick();
        }
    }

    /// <summary>A pod bound to this node, as its source (the API, or a manifest) now has it.</summary>
    public void Update(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Metadata.Uid is not { Length: > 0 } uid || _stopping.IsCancellationRequested)
        {
            return;
        }
        if (pod.Spec.NodeName != _context.Options.NodeName)
        {
            Remove(pod);
            return;
        }
        bool created = false;
        PodWorker worker = _workers.GetOrAdd(uid, _ =>
        {
            created = true;
            return new PodWorker(_context, pod, SandboxCreated, Finished);
        });
        if (created)
        {
            worker.Start(_stopping);
        }
        worker.Update(pod);
    }

    /// <summary>A pod gone from its source (or no longer bound here).</summary>
    public void Remove(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Metadata.Uid is { Length: > 0 } uid && _workers.TryGetValue(uid, out PodWorker? worker))
        {
            worker.Remove();
        }
    }

    /// <summary>
    /// The worker of the pod named <paramref name="name"/> in <paramref name="namespace"/>, or null. Should two
    /// pods of one name be here (one gone from the API, still stopping, and its successor), the live one is answered.
    /// A scan: a node runs at most a few hundred pods, and this serves `kubectl logs`, not a hot path.
    /// </summary>
    public PodWorker? Find(string @namespace, string name)
    {
        string key = $"{@namespace}/{name}";
        PodWorker? found = null;
        foreach (PodWorker worker in _workers.Values)
        {
            if (worker.Key == key && (found is null || found.IsRemoved))
            {
                found = worker;
            }
        }
        return found;
    }

    /// <summary>Routes the runtime's container events to the workers of their sandboxes until cancelled.</summary>
    public async Task RunEventsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (ContainerEvent e in _context.Runtime.Events(cancellationToken))
            {
                if (_bySandbox.TryGetValue(e.SandboxId, out PodWorker? worker))
                {
                    worker.Kick();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>Kicks every worker each period (the kubelet's syncFrequency): what an event missed, a resync catches.</summary>
    public async Task RunResyncAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_context.Options.PodResyncPeriod, _context.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                foreach (PodWorker worker in _workers.Values)
                {
                    worker.Kick();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>Waits for every worker's loop to end (after the stopping token is cancelled).</summary>
    public Task WhenStoppedAsync() => Task.WhenAll(_workers.Values.Select(w => w.Completion));

    private void SandboxCreated(PodWorker worker, string sandboxId) => _bySandbox[sandboxId] = worker;

    /// <summary>True (and handed on) when the API pod is a mirror: its static pod has a worker already.</summary>
    private bool Mirror(Pod pod, bool added)
    {
        if (!StaticPodAnnotations.IsMirror(pod))
        {
            return false;
        }
        MirrorChanged?.Invoke(pod, added);
        return true;
    }

    private void Finished(PodWorker worker)
    {
        _workers.TryRemove(new KeyValuePair<string, PodWorker>(worker.Uid, worker));
        foreach (KeyValuePair<string, PodWorker> entry in _bySandbox.Where(e => e.Value == worker))
        {
            _bySandbox.TryRemove(entry);
        }
        WorkerFinished?.Invoke(worker.Uid);
    }
}
