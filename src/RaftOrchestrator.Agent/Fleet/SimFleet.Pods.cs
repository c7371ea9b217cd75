using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Fleet;

public sealed partial class SimFleet
{
    /// <summary>
    /// One pod from the watch or a list. Pods of other nodes (and unbound ones) are dropped here; true when the pod
    /// is bound to one of the fleet's nodes.
    /// </summary>
    private bool OnPod(Pod pod, bool deleted)
    {
        if (string.IsNullOrEmpty(pod.Spec.NodeName) || !_nodesByName.TryGetValue(pod.Spec.NodeName, out FleetNode? node))
        {
            return false;
        }
        string key = pod.Metadata.Namespace + "/" + pod.Metadata.Name;
        lock (_gate)
        {
            if (_pods.TryGetValue(key, out FleetPod? tracked) && tracked.Uid != pod.Metadata.Uid)
            {
                // Same name, another pod (deleted and created again): the old one is gone.
                Remove(tracked);
                tracked = null;
            }
            if (deleted)
            {
                if (tracked is not null)
                {
                    Remove(tracked);
                }
            }
            else if (tracked is null)
            {
                Accept(pod, node, key);
            }
            else
            {
                Observe(tracked, pod);
            }
        }
        return true;
    }

    /// <summary>A pod new to the fleet: adopt it if it already runs here (a restarted fleet), else start it. Under <see cref="_gate"/>.</summary>
    private void Accept(Pod pod, FleetNode node, string key)
    {
        if (pod.Status.Phase is "Succeeded" or "Failed" && pod.Metadata.DeletionTimestamp is null)
        {
            return; // finished: nothing runs; the server deletes finished pods at once
        }
        var tracked = new FleetPod(pod.Metadata.Namespace ?? "", pod.Metadata.Name ?? "", pod.Metadata.Uid ?? "", node)
        {
            Containers = [.. pod.Spec.Containers.Select(c => c.Name)],
            Images = [.. pod.Spec.Containers.Select(c => c.Image ?? "")],
            InitContainers = [.. (pod.Spec.InitContainers ?? []).Select(c => c.Name)],
            InitImages = [.. (pod.Spec.InitContainers ?? []).Select(c => c.Image ?? "")],
            RestartPolicy = pod.Spec.RestartPolicy ?? "Always",
        };
        CopyObserved(tracked, pod);
        _pods[key] = tracked;
        if (pod.Metadata.DeletionTimestamp is not null)
        {
            BeginStop(tracked, pod);
            return;
        }
        DateTime now = NowSeconds();
        if (IsRunningAndReady(pod) && node.TryTakeSlot(node.SlotOf(pod.Status.PodIP)))
        {
            tracked.IpSlot = node.SlotOf(pod.Status.PodIP);
            tracked.State = FleetPodState.Running;
            tracked.StartTime = pod.Status.StartTime ?? now;
            ContainerStatus? first = pod.Status.ContainerStatuses?.FirstOrDefault();
            tracked.ContainersStartedAt = first?.State?.Running?.StartedAt ?? now;
            tracked.RestartCount = first?.RestartCount ?? 0;
            tracked.ReadyTransition = pod.Status.Conditions?.Find(c => c.Type == "Ready")?.LastTransitionTime ?? now;
            tracked.WrittenRevision = RevisionOf(pod.Metadata.ResourceVersion);
            return; // the status on the server is this fleet's already: nothing to write
        }
        tracked.StartTime = pod.Status.StartTime ?? now;
        tracked.IpSlot = node.TakeSlot();
        tracked.State = FleetPodState.Starting;
        ScheduleStart(tracked);
    }

    /// <summary>A newer version of a tracked pod. Under <see cref="_gate"/>.</summary>
    private void Observe(FleetPod tracked, Pod pod)
    {
        long revision = RevisionOf(pod.Metadata.ResourceVersion);
        if (revision < RevisionOf(tracked.ResourceVersion))
        {
            return; // older than the fleet's own write's reply: nothing new
        }
        CopyObserved(tracked, pod);
        if (tracked.AwaitingEvent)
        {
            tracked.AwaitingEvent = false;
            Enqueue(tracked);
        }
        if (pod.Metadata.DeletionTimestamp is not null)
        {
            if (tracked.State is not (FleetPodState.Stopping or FleetPodState.Deleting))
            {
                BeginStop(tracked, pod);
            }
            return;
        }
        // Someone else rewrote what this fleet reported (the node lifecycle controller marks pods not ready when
        // their node went silent): report again, as the kubelet's status manager does on its next sync.
        if (revision > tracked.WrittenRevision && tracked.WrittenVersion > 0 && !tracked.StatusDirty && !tracked.InFlight && Disagrees(tracked, pod))
        {
            tracked.StatusVersion++;
            Enqueue(tracked);
        }
    }

    private static void CopyObserved(FleetPod tracked, Pod pod)
    {
        tracked.ResourceVersion = pod.Metadata.ResourceVersion;
        tracked.QosClass = pod.Status.QosClass;
        tracked.NominatedNodeName = pod.Status.NominatedNodeName;
        List<PodCondition>? foreign = pod.Status.Conditions?.Where(c => !FleetPodStatus.IsKubeletCondition(c.Type)).ToList();
        tracked.ForeignConditions = foreign is { Count: > 0 } ? foreign : null;
        tracked.DeletionGraceSeconds = pod.Metadata.DeletionGracePeriodSeconds ?? pod.Spec.TerminationGracePeriodSeconds ?? 30;
    }

    private static bool IsRunningAndReady(Pod pod) =>
        pod.Status.Phase == "Running" && pod.Status.Conditions?.Find(c => c.Type == "Ready")?.Status == "True" && !string.IsNullOrEmpty(pod.Status.PodIP);

    /// <summary>Whether the pod's phase or readiness on the server is not what this fleet last reported.</summary>
    private static bool Disagrees(FleetPod tracked, Pod pod)
    {
        string phase = tracked.State == FleetPodState.Failed ? "Failed" : "Running";
        string ready = tracked.State == FleetPodState.Running ? "True" : "False";
        return pod.Status.Phase != phase || pod.Status.Conditions?.Find(c => c.Type == "Ready")?.Status != ready;
    }

    /// <summary>The deletion was seen: stop (simulated, capped by the grace period), then delete. Under <see cref="_gate"/>.</summary>
    private void BeginStop(FleetPod tracked, Pod pod)
    {
        tracked.State = FleetPodState.Stopping;
        tracked.Generation++;
        TimeSpan grace = TimeSpan.FromSeconds(Math.Max(0, pod.Metadata.DeletionGracePeriodSeconds ?? tracked.DeletionGraceSeconds));
        TimeSpan stop = _options.StopLatency < grace ? _options.StopLatency : grace;
        if (stop <= TimeSpan.Zero)
        {
            tracked.State = FleetPodState.Deleting;
            Enqueue(tracked);
            return;
        }
        _due.Schedule(DueItem.ForPod(DueKind.PodStopped, tracked), _time.GetUtcNow() + stop);
    }

    /// <summary>Drops a pod: its timers and queued writes become no-ops, its IP is free. Under <see cref="_gate"/>.</summary>
    private void Remove(FleetPod tracked)
    {
        if (tracked.Removed)
        {
            return;
        }
        tracked.Removed = true;
        tracked.Node.ReleaseSlot(tracked.IpSlot);
        if (_pods.TryGetValue(tracked.Key, out FleetPod? current) && ReferenceEquals(current, tracked))
        {
            _pods.Remove(tracked.Key);
        }
    }

    private void ScheduleStart(FleetPod tracked)
    {
        tracked.Generation++;
        _due.Schedule(DueItem.ForPod(DueKind.PodStart, tracked), _time.GetUtcNow() + _options.StartLatency.Sample(_random));
    }

    /// <summary>The timer loop's handler: every due item of a batch, under one hold of <see cref="_gate"/>.</summary>
    private void Fire(List<DueItem> items)
    {
        lock (_gate)
        {
            foreach (DueItem item in items)
            {
                switch (item.Kind)
                {
                    case DueKind.LeaseRenewal:
                        QueueLease(item.Node);
                        _due.Schedule(item, new DateTimeOffset(item.At, TimeSpan.Zero) + _options.LeaseRenewInterval);
                        continue;
                    case DueKind.LeaseRetry:
                        QueueLease(item.Node);
                        continue;
                }
                FleetPod pod = item.Pod!;
                if (pod.Removed)
                {
                    continue;
                }
                if (item.Kind == DueKind.PodWriteRetry)
                {
                    Enqueue(pod);
                    continue;
                }
                if (pod.Generation != item.Generation)
                {
                    continue; // superseded (the pod is being deleted, or a newer timer is set)
                }
                switch (item.Kind)
                {
                    case DueKind.PodStart when pod.State == FleetPodState.Starting:
                        StartContainers(pod);
                        break;
                    case DueKind.PodRestart when pod.State == FleetPodState.BackOff:
                        pod.RestartCount++;
                        pod.State = FleetPodState.Starting;
                        ScheduleStart(pod);
                        break;
                    case DueKind.PodStopped when pod.State == FleetPodState.Stopping:
                        pod.State = FleetPodState.Deleting;
                        Enqueue(pod);
                        break;
                }
            }
        }
    }

    /// <summary>
    /// A start attempt: the containers run, or (at the failure rate) exit with code 1 at once. A failed attempt ends
    /// the pod (restartPolicy Never: phase Failed) or waits the crash-loop back-off, doubled each time up to the
    /// maximum, before the next attempt. Every restart waits, the first one too (the kubelet restarts the first at
    /// once). All containers of a pod share the attempt's fate. Under <see cref="_gate"/>.
    /// </summary>
    private void StartContainers(FleetPod pod)
    {
        DateTime now = NowSeconds();
        bool fails = _options.FailureRate > 0 && _random.NextDouble() < _options.FailureRate;
        if (!fails)
        {
            pod.State = FleetPodState.Running;
            pod.ContainersStartedAt = now;
            pod.ReadyTransition = now;
        }
        else
        {
            pod.LastStartedAt = now;
            pod.LastFinishedAt = now;
            pod.ReadyTransition = now;
            if (pod.RestartPolicy == "Never")
            {
                pod.State = FleetPodState.Failed;
            }
            else
            {
                pod.State = FleetPodState.BackOff;
                pod.BackOff = pod.BackOff == TimeSpan.Zero ? _options.CrashLoopBackOffBase
                    : pod.BackOff * 2 > _options.CrashLoopBackOffMax ? _options.CrashLoopBackOffMax : pod.BackOff * 2;
                pod.Generation++;
                _due.Schedule(DueItem.ForPod(DueKind.PodRestart, pod), _time.GetUtcNow() + pod.BackOff);
            }
        }
        pod.StatusVersion++;
        Enqueue(pod);
    }
}
