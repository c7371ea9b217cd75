using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Testing;

internal sealed partial class InMemoryResourceClient<T>
{
    /// <summary>
    /// The server's delete: preconditions (uid, resourceVersion) first; the propagation policy's finalizers; an
    /// object with finalizers, or one deleted gracefully, is marked with a deletionTimestamp and written back
    /// (repeating the delete changes nothing); otherwise it goes at the next revision. The reply is the marked
    /// object, or the deleted one with the deletion's revision.
    /// </summary>
    internal ApiResult<T> Delete(string? ns, string name, DeleteOptions options)
    {
        if (options.PropagationPolicy is { } given && given is not ("Orphan" or "Background" or "Foreground"))
        {
            return Fail<T>(InMemoryStatus.BadRequest($"DeleteOptions.PropagationPolicy: Unsupported value: \"{given}\": supported values: \"Orphan\", \"Background\", \"Foreground\""));
        }
        string key = _store.Key(ns, name);
        if (_store.Current(key) is not { } current)
        {
            return Fail<T>(InMemoryStatus.NotFound(Descriptor, name));
        }
        T value = _store.Decode(current.Bytes!, current.Revision);
        if (options.Preconditions?.Uid is { Length: > 0 } uid && uid != value.Metadata.Uid)
        {
            return Fail<T>(InMemoryStatus.Conflict(Descriptor, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {value.Metadata.Uid}"));
        }
        if (options.Preconditions?.ResourceVersion is { Length: > 0 } rv && rv != value.Metadata.ResourceVersion)
        {
            return Fail<T>(InMemoryStatus.Conflict(Descriptor, name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {value.Metadata.ResourceVersion}"));
        }
        bool dryRun = options.DryRun is { Count: > 0 };
        T marked = _store.Decode(current.Bytes!, current.Revision);
        DeletionRules.ApplyPropagation(marked.Metadata, options);
        if (MarkForDeletion(marked, options))
        {
            byte[] bytes = _store.Encode(marked);
            if (bytes.AsSpan().SequenceEqual(current.Bytes))
            {
                return ApiResult.Ok(value);
            }
            if (dryRun)
            {
                marked.Metadata.ResourceVersion = value.Metadata.ResourceVersion;
                return ApiResult.Ok(marked);
            }
            return ApiResult.Ok(Put(key, bytes));
        }
        if (!dryRun)
        {
            long revision = _cluster.NextRevision();
            _store.Remove(key, revision);
            value.Metadata.ResourceVersion = Revision(revision);
        }
        return ApiResult.Ok(value);
    }

    /// <summary>True when the object must be written back marked (finalizers, or a graceful kind) rather than removed.</summary>
    private bool MarkForDeletion(T value, DeleteOptions options)
    {
        ObjectMeta meta = value.Metadata;
        if (meta.DeletionTimestamp is not null)
        {
            // Already terminating: only a delete with grace 0 and no finalizers left ends it at once (a force delete).
            return !(options.GracePeriodSeconds == 0 && (meta.Finalizers?.Count ?? 0) == 0);
        }
        DateTime now = _cluster.NowSeconds();
        if (DeletionRules.BeginGracefulDeletion(value, options, now, _cluster.Options))
        {
            return true;
        }
        if ((meta.Finalizers?.Count ?? 0) > 0)
        {
            meta.DeletionTimestamp = now;
            meta.DeletionGracePeriodSeconds = 0;
            return true;
        }
        return false;
    }
}
