using MessagePack;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Api.Validation;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Testing;

internal sealed partial class InMemoryResourceClient<T>
{
    /// <summary>Names tried for one generateName create before giving up with AlreadyExists (as the server).</summary>
    private const int GenerateNameAttempts = 8;

    /// <summary>
    /// The server's create pipeline: system fields (uid, creationTimestamp), a name from generateName, defaults,
    /// PrepareForCreate, generation 1 for kinds with a spec, validation (422), then create-if-absent (409).
    /// </summary>
    internal ApiResult<T> Create(T input, bool dryRun)
    {
        T value = ObjectCopy.Clone(input);
        ObjectMeta meta = value.Metadata;
        meta.Uid = _cluster.NewUid();
        meta.CreationTimestamp = _cluster.NowSeconds();
        meta.DeletionTimestamp = null;
        meta.DeletionGracePeriodSeconds = null;
        meta.ResourceVersion = null;
        if (!Descriptor.Namespaced)
        {
            meta.Namespace = null;
        }
        bool generated = string.IsNullOrEmpty(meta.Name) && !string.IsNullOrEmpty(meta.GenerateName);
        for (int attempt = 0; ; attempt++)
        {
            if (generated)
            {
                meta.Name = meta.GenerateName + _cluster.NameSuffix();
            }
            Strategy.ApplyDefaults(value);
            Strategy.PrepareForCreate(value);
            meta.Generation = Strategy.GetSpec(value) is null ? meta.Generation : 1;
            var errors = new FieldErrorList();
            ObjectMetaValidation.Validate(meta, Descriptor.Namespaced, Strategy.NameRule, errors);
            Strategy.Validate(value, errors);
            if (errors.Count > 0)
            {
                return Fail<T>(InMemoryStatus.Invalid(Descriptor, meta.Name ?? "", errors));
            }
            string key = _store.Key(meta.Namespace, meta.Name!);
            if (_store.Current(key) is not null)
            {
                if (generated && attempt + 1 < GenerateNameAttempts)
                {
                    continue;
                }
                return Fail<T>(InMemoryStatus.AlreadyExists(Descriptor, meta.Name!));
            }
            return ApiResult.Ok(dryRun ? value : Put(key, _store.Encode(value)));
        }
    }

    internal ApiResult<T> Update(T input, UpdateMode mode, bool dryRun)
    {
        if (mode == UpdateMode.Status && !Strategy.HasStatusSubresource)
        {
            return Fail<T>(InMemoryStatus.NotFoundPath());
        }
        T next = ObjectCopy.Clone(input);
        string? ns = Scope(next.Metadata.Namespace);
        next.Metadata.Namespace = ns;
        return Replace(ns, next.Metadata.Name ?? "", next, mode, dryRun);
    }

    /// <summary>
    /// The server's update pipeline (update, status update, patch): a resourceVersion in <paramref name="next"/> is
    /// a precondition (409 when stale); system fields come from the stored object; a status write takes only the
    /// status; a write that changes nothing is not made (the reply is the current object); an object whose last
    /// finalizer goes while it is being deleted is deleted.
    /// </summary>
    internal ApiResult<T> Replace(string? ns, string name, T next, UpdateMode mode, bool dryRun)
    {
        string key = _store.Key(ns, name);
        if (_store.Current(key) is not { } current)
        {
            return Fail<T>(InMemoryStatus.NotFound(Descriptor, name));
        }
        string currentVersion = Revision(current.Revision);
        if (!string.IsNullOrEmpty(next.Metadata.ResourceVersion) && next.Metadata.ResourceVersion != currentVersion)
        {
            return Fail<T>(InMemoryStatus.Conflict(Descriptor, name));
        }
        T old = _store.Decode(current.Bytes!, current.Revision);
        T candidate = next;
        if (mode == UpdateMode.Status)
        {
            candidate = _store.Decode(current.Bytes!, current.Revision);
            Strategy.CopyStatus(next, candidate);
        }
        if (Prepare(candidate, old, mode) is { } invalid)
        {
            return Fail<T>(invalid);
        }
        byte[] bytes = _store.Encode(candidate);
        if (bytes.AsSpan().SequenceEqual(current.Bytes))
        {
            return ApiResult.Ok(old);
        }
        if (dryRun)
        {
            candidate.Metadata.ResourceVersion = currentVersion;
            return ApiResult.Ok(candidate);
        }
        if (IsDeletionComplete(candidate))
        {
            long revision = _cluster.NextRevision();
            _store.Remove(key, revision);
            candidate.Metadata.ResourceVersion = Revision(revision);
            return ApiResult.Ok(candidate);
        }
        return ApiResult.Ok(Put(key, bytes));
    }

    /// <summary>Stores a new version of a key at the next revision; the reply is a fresh copy of what was stored.</summary>
    private T Put(string key, byte[] bytes)
    {
        long revision = _cluster.NextRevision();
        _store.Put(key, bytes, revision);
        return _store.Decode(bytes, revision);
    }

    /// <summary>System fields from the stored object, then defaults, the strategy's update rules, generation and validation.</summary>
    private Status? Prepare(T candidate, T old, UpdateMode mode)
    {
        ObjectMeta meta = candidate.Metadata;
        ObjectMeta previous = old.Metadata;
        var errors = new FieldErrorList();
        ObjectMetaValidation.ValidateUpdate(meta, previous, errors);
        meta.Uid = previous.Uid;
        meta.CreationTimestamp = previous.CreationTimestamp;
        meta.DeletionTimestamp = previous.DeletionTimestamp;
        meta.DeletionGracePeriodSeconds = previous.DeletionGracePeriodSeconds;
        meta.Generation = previous.Generation;
        meta.ManagedFields ??= previous.ManagedFields;
        meta.ResourceVersion = null;
        Strategy.ApplyDefaults(candidate);
        if (mode == UpdateMode.Main)
        {
            Strategy.PrepareForUpdate(candidate, old);
        }
        if (Strategy.GetSpec(candidate) is { } spec && !SameEncoding(spec, Strategy.GetSpec(old)))
        {
            meta.Generation = (previous.Generation ?? 0) + 1;
        }
        ObjectMetaValidation.Validate(meta, Descriptor.Namespaced, Strategy.NameRule, errors);
        Strategy.ValidateUpdate(candidate, old, errors);
        return errors.Count > 0 ? InMemoryStatus.Invalid(Descriptor, meta.Name ?? "", errors) : null;
    }

    /// <summary>An object being deleted goes once its last finalizer is removed and no grace period is running.</summary>
    private static bool IsDeletionComplete(T candidate) =>
        candidate.Metadata.DeletionTimestamp is not null
        && (candidate.Metadata.Finalizers?.Count ?? 0) == 0
        && (candidate.Metadata.DeletionGracePeriodSeconds ?? 0) == 0;

    private static bool SameEncoding(object spec, object? other) =>
        other is not null && spec.GetType() == other.GetType()
        && MessagePackSerializer.Serialize(spec.GetType(), spec, ApiMessagePack.Options).AsSpan()
            .SequenceEqual(MessagePackSerializer.Serialize(other.GetType(), other, ApiMessagePack.Options));
}
