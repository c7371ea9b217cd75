using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client.Informers;

namespace RaftOrchestrator.Controllers.Scheduler;

public sealed partial class SchedulerLoop
{
    private static bool IsAssigned(Pod pod) => !string.IsNullOrEmpty(pod.Spec.NodeName);

    /// <summary>Succeeded and Failed pods hold nothing on their node (kube-scheduler's informer leaves them out).</summary>
    private static bool IsTerminal(Pod pod) => pod.Status.Phase is "Succeeded" or "Failed";

    private bool IsOurs(Pod pod) => _profiles.TryGet(pod, out _);

    private void AddAssigned(Pod pod)
    {
        lock (_cacheGate)
        {
            _cache.AddPod(pod);
        }
        _queue.Delete(pod);
        _queue.MoveAllToActiveOrBackoff(ClusterEvent.AssignedPodAdd);
    }

    private void RemoveAssigned(Pod pod)
    {
        lock (_cacheGate)
        {
            _cache.RemovePod(pod);
        }
        _queue.MoveAllToActiveOrBackoff(ClusterEvent.AssignedPodDelete);
    }

    /// <summary>
    /// Pods: bound, non-terminal ones go to the cache (confirming an assumed one); unbound ones of our profiles to
    /// the queue — except a pod the cache holds as assumed, whose bind is in flight (kube-scheduler's
    /// addPodToSchedulingQueue / updatePodInSchedulingQueue / addPodToCache split). An unbound pod that leaves the
    /// queue while nominated frees the room kept for it, which moves pods back like a deleted assigned pod.
    /// </summary>
    private sealed class PodEvents(SchedulerLoop loop) : IResourceEventHandler<Pod>
    {
        public void OnAdd(Pod value)
        {
            Interlocked.Increment(ref loop._podAdds);
            if (IsAssigned(value))
            {
                if (!IsTerminal(value))
                {
                    loop.AddAssigned(value);
                }
            }
            else if (loop.IsOurs(value) && !IsTerminal(value))
            {
                loop._queue.Add(value);
            }
        }

        public void OnUpdate(Pod previous, Pod current)
        {
            bool wasCounted = IsAssigned(previous) && !IsTerminal(previous);
            bool isCounted = IsAssigned(current) && !IsTerminal(current);
            if (wasCounted && isCounted)
            {
                lock (loop._cacheGate)
                {
                    loop._cache.UpdatePod(previous, current);
                }
                if (PodChanges.LabelsChanged(previous, current))
                {
                    loop._queue.MoveAllToActiveOrBackoff(new ClusterEvent(ClusterEventResource.AssignedPod, ClusterEventAction.UpdatePodLabel, "AssignedPodUpdate"));
                }
                return;
            }
            if (wasCounted)
            {
                loop.RemoveAssigned(previous);
                return;
            }
            if (isCounted)
            {
                loop.AddAssigned(current);
                return;
            }
            if (IsAssigned(current) || IsTerminal(current) || !loop.IsOurs(current))
            {
                if (loop._queue.Delete(current) is not null)
                {
                    loop._queue.MoveAllToActiveOrBackoff(ClusterEvent.NominatedPodDelete);
                }
                return;
            }
            bool assumed;
            lock (loop._cacheGate)
            {
                assumed = loop._cache.IsAssumed(current.Metadata.Uid is { Length: > 0 } uid ? uid : QueuedPod.KeyOf(current));
            }
            if (!assumed)
            {
                loop._queue.Update(current);
            }
        }

        public void OnDelete(Pod value)
        {
            if (IsAssigned(value))
            {
                if (!IsTerminal(value))
                {
                    loop.RemoveAssigned(value);
                }
                return;
            }
            string? nominated = loop._queue.Delete(value);
            lock (loop._cacheGate)
            {
                // An assumed pod deleted before its bind was seen.
                loop._cache.RemovePod(value);
            }
            if (nominated is not null)
            {
                loop._queue.MoveAllToActiveOrBackoff(ClusterEvent.NominatedPodDelete);
            }
        }
    }

    /// <summary>Nodes: the cache, and the queue moves pods the change could help.</summary>
    private sealed class NodeEvents(SchedulerLoop loop) : IResourceEventHandler<Node>
    {
        public void OnAdd(Node value)
        {
            Interlocked.Increment(ref loop._nodeAdds);
            lock (loop._cacheGate)
            {
                loop._cache.AddNode(value);
            }
            loop._queue.MoveAllToActiveOrBackoff(ClusterEvent.NodeAdd);
        }

        public void OnUpdate(Node previous, Node current)
        {
            lock (loop._cacheGate)
            {
                loop._cache.UpdateNode(current);
            }
            ClusterEventAction changed = NodeChanges.Between(previous, current);
            if (changed != ClusterEventAction.None)
            {
                loop._queue.MoveAllToActiveOrBackoff(new ClusterEvent(ClusterEventResource.Node, changed, "NodeUpdate"));
            }
        }

        public void OnDelete(Node value)
        {
            lock (loop._cacheGate)
            {
                loop._cache.RemoveNode(value.Metadata.Name ?? "");
            }
            loop._queue.MoveAllToActiveOrBackoff(new ClusterEvent(ClusterEventResource.Node, ClusterEventAction.Delete, "NodeDelete"));
        }
    }
}
