using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Agent.Fleet;

public sealed partial class SimFleet
{
    /// <summary>Puts a pod in the write queue if it has work and is neither queued nor being written. Under <see cref="_gate"/>.</summary>
    private void Enqueue(FleetPod pod)
    {
        if (!pod.Queued && !pod.InFlight && pod.HasWork)
        {
            pod.Queued = true;
            Interlocked.Increment(ref _counters.WriteQueue);
            _podWrites.Writer.TryWrite(pod);
        }
    }

    /// <summary>One of the <see cref="SimFleetOptions.PodWriteConcurrency"/> pod writers; runs until cancelled.</summary>
    private async Task PodWriterAsync(CancellationToken cancellationToken)
    {
        while (await _podWrites.Reader.WaitToReadAsync(cancellationToken))
        {
            while (_podWrites.Reader.TryRead(out FleetPod? pod))
            {
                Interlocked.Decrement(ref _counters.WriteQueue);
                await WritePodAsync(pod, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The pod's one write in flight: its final delete, or its latest status (with the last resourceVersion seen as
    /// the precondition, so a status never lands on a pod that changed unseen). The outcome decides what is next:
    /// another write when the state moved on meanwhile, a retry after a transient failure, or waiting for the watch
    /// to bring the newer version after a conflict.
    /// </summary>
    private async Task WritePodAsync(FleetPod pod, CancellationToken cancellationToken)
    {
        Pod? body = null;
        int version = 0;
        lock (_gate)
        {
            pod.Queued = false;
            if (!pod.HasWork || pod.InFlight)
            {
                return;
            }
            pod.InFlight = true;
            if (pod.State != FleetPodState.Deleting)
            {
                version = pod.StatusVersion;
                body = new Pod
                {
                    Metadata = new ObjectMeta { Namespace = pod.Namespace, Name = pod.Name, ResourceVersion = pod.ResourceVersion },
                    Status = FleetPodStatus.Build(pod),
                };
            }
        }
        if (body is null)
        {
            var options = new DeleteOptions { GracePeriodSeconds = 0, Preconditions = new Preconditions { Uid = pod.Uid } };
            ApiResult<Pod> deleted = await _client.Resource<Pod>().DeleteAsync(pod.Namespace, pod.Name, options, cancellationToken);
            lock (_gate)
            {
                pod.InFlight = false;
                if (deleted.IsOk || deleted.IsNotFound || deleted.IsConflict)
                {
                    // Conflict: the uid precondition failed, the name now holds another pod; this one is gone either way.
                    if (deleted.IsOk)
                    {
                        Interlocked.Increment(ref _counters.PodsDeleted);
                    }
                    Remove(pod);
                    return;
                }
                Failed(pod, deleted.IsTransient, Describe(deleted));
            }
            return;
        }
        string? precondition = body.Metadata.ResourceVersion;
        ApiResult<Pod> written = await _client.Resource<Pod>().UpdateStatusAsync(body, cancellationToken: cancellationToken);
        lock (_gate)
        {
            pod.InFlight = false;
            if (written.IsOk)
            {
                Interlocked.Increment(ref _counters.StatusWrites);
                pod.WrittenVersion = version;
                long revision = RevisionOf(written.Value.Metadata.ResourceVersion);
                pod.WrittenRevision = revision;
                if (revision > RevisionOf(pod.ResourceVersion))
                {
                    pod.ResourceVersion = written.Value.Metadata.ResourceVersion;
                }
            }
            else if (written.IsConflict)
            {
                Interlocked.Increment(ref _counters.StatusConflicts);
                if (pod.ResourceVersion != precondition)
                {
                    // The newer version arrived while the write was in flight: try again with it below.
                }
                else
                {
                    pod.AwaitingEvent = true;
                    return;
                }
            }
            else if (written.IsNotFound)
            {
                return; // deleted: the watch's Deleted event (or the next list) removes it
            }
            else
            {
                if (written.IsInvalid)
                {
                    pod.WrittenVersion = version; // the same status would be refused again: wait for the next change
                }
                Failed(pod, written.IsTransient, Describe(written));
                return;
            }
            Enqueue(pod);
        }
    }

    /// <summary>Counts and (sparingly) logs a failed pod write; a transient one is retried later. Under <see cref="_gate"/>.</summary>
    private void Failed(FleetPod pod, bool transient, string result)
    {
        long failures = Interlocked.Increment(ref _counters.PodWriteFailures);
        if (FleetCounters.ShouldLog(failures))
        {
            FleetLog.PodWriteFailed(_logger, pod.Key, result, failures);
        }
        if (transient || pod.State == FleetPodState.Deleting)
        {
            _due.Schedule(DueItem.ForPod(DueKind.PodWriteRetry, pod), _time.GetUtcNow() + s_retryDelay);
        }
    }
}
