using RaftOrchestrator.Agent.StaticPods;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Agent.Statuses;

public sealed partial class StatusManager
{
    /// <summary>Writes one pod's status (and deletes it, when asked); false when it must be retried later.</summary>
    private async Task<bool> SyncAsync(string uid, CancellationToken cancellationToken)
    {
        Entry? entry;
        PodStatus? desired;
        bool delete;
        Pod? written;
        lock (_gate)
        {
            if (!_entries.TryGetValue(uid, out entry) || entry.Deleted)
            {
                return true;
            }
            desired = entry.Desired;
            delete = entry.Delete;
            written = entry.LastWritten;
        }
        Pod? cached = _cached(entry.Namespace, entry.Name);
        Pod? current = Version(written) > Version(cached) ? written : cached;
        if (current is null)
        {
            ApiResult<Pod> read = await _pods.GetAsync(entry.Namespace, entry.Name, cancellationToken);
            if (read.IsNotFound)
            {
                return true;
            }
            if (!read.IsOk)
            {
                AgentLog.StatusWriteFailed(_logger, entry.Key, read.Code, read.Reason, read.Error.Message);
                return false;
            }
            current = read.Value;
        }
        for (int attempt = 0; desired is not null; attempt++)
        {
            if (!StaticPodAnnotations.Represents(current, uid))
            {
                return true; // another pod of that name now (and no mirror of this static pod): this one is gone
            }
            PodStatus? merged = PodStatusMerge.Merge(current.Status, desired, AgentTime.Now(_time));
            if (merged is null)
            {
                break;
            }
            var update = new Pod { ApiVersion = current.ApiVersion, Kind = current.Kind, Metadata = current.Metadata, Spec = current.Spec, Status = merged };
            ApiResult<Pod> result = await _pods.UpdateStatusAsync(update, cancellationToken: cancellationToken);
            if (result.IsOk)
            {
                Interlocked.Increment(ref _writes);
                AgentLog.StatusWritten(_logger, entry.Key, merged.Phase);
                lock (_gate)
                {
                    entry.LastWritten = result.Value;
                }
                current = result.Value;
                break;
            }
            if (result.IsNotFound)
            {
                return true;
            }
            if (!result.IsConflict || attempt >= ConflictRetries)
            {
                AgentLog.StatusWriteFailed(_logger, entry.Key, result.Code, result.Reason, result.Error.Message);
                return false;
            }
            ApiResult<Pod> fresh = await _pods.GetAsync(entry.Namespace, entry.Name, cancellationToken);
            if (fresh.IsNotFound)
            {
                return true;
            }
            if (!fresh.IsOk)
            {
                return false;
            }
            current = fresh.Value;
        }
        if (!delete || current.Metadata.DeletionTimestamp is null || current.Metadata.Uid != uid)
        {
            return true;
        }
        var options = new DeleteOptions { GracePeriodSeconds = 0, Preconditions = new Preconditions { Uid = uid } };
        ApiResult<Pod> deleted = await _pods.DeleteAsync(entry.Namespace, entry.Name, options, cancellationToken);
        if (deleted.IsOk || deleted.IsNotFound || deleted.IsConflict)
        {
            lock (_gate)
            {
                entry.Deleted = true;
            }
            return true;
        }
        AgentLog.PodDeleteFailed(_logger, entry.Key, deleted.Code, deleted.Reason, deleted.Error.Message);
        return false;
    }
}
