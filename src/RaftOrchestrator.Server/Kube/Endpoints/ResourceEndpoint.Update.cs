using System.Globalization;
using System.Runtime.CompilerServices;
using MessagePack;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Api.Validation;
using RaftOrchestrator.Server.Kube.Admission;
using RaftOrchestrator.Server.Kube.Registry;

namespace RaftOrchestrator.Server.Kube.Endpoints;

public sealed partial class ResourceEndpoint<T>
{
    /// <summary>Attempts of one update when the object keeps changing under it (kube-apiserver's GuaranteedUpdate retries too).</summary>
    private const int UpdateAttempts = 16;

    private async Task ReplaceAsync(EndpointRequest request)
    {
        ObjectDecoder<T>.Decoded decoded = await ReadPlacedBodyAsync(request);
        if (decoded.Error is not null)
        {
            await Replies.StatusAsync(request.Context, decoded.Error);
            return;
        }
        T value = decoded.Value!;
        if (value.Metadata.Name != request.Info.Name)
        {
            await Replies.StatusAsync(request.Context, ApiStatus.BadRequest($"the name of the object ({value.Metadata.Name}) does not match the name on the URL ({request.Info.Name})"));
            return;
        }
        UpdateMode mode = request.Info.Subresource == "status" ? UpdateMode.Status : UpdateMode.Main;
        await UpdateAsync(request, _ => (CopyOf(value), null), mode, allowCreate: false, new StrongBox<string?>(decoded.Warning));
    }

    /// <summary>A fresh copy for each attempt (the pipeline changes the candidate in place), keeping the client's resourceVersion.</summary>
    internal T CopyOf(T value)
    {
        T copy = _store.Codec.Clone(value, 0);
        copy.Metadata.ResourceVersion = value.Metadata.ResourceVersion;
        return copy;
    }

    /// <summary>
    /// The update pipeline (PUT, PATCH, status, scale): read, mutate, keep system fields, default, validate, admit,
    /// then a write guarded by the revision read. A resourceVersion in the new object is a precondition (409 when
    /// stale); without one a lost race is retried with a fresh read. A write that changes nothing is not made: the
    /// reply is the current object with its resourceVersion, which kubectl reports as "unchanged".
    /// </summary>
    internal async Task UpdateAsync(EndpointRequest request, Mutation<T> mutate, UpdateMode mode, bool allowCreate, StrongBox<string?>? warnings,
        Func<T, Task>? replyWith = null, bool isApply = false)
    {
        Task ReplyAsync(T value, int code, string? warning) => replyWith?.Invoke(value) ?? ReplyObjectAsync(request, value, code, warning);
        if (await BarrierAsync(null, request.Aborted) is { } unavailable)
        {
            await Replies.StatusAsync(request.Context, unavailable);
            return;
        }
        string name = request.Info.Name!;
        string? ns = NamespaceOf(request);
        for (int attempt = 0; attempt < UpdateAttempts; attempt++)
        {
            Stored<T>? current = _store.Get(ns, name);
            (T? next, Status? error) = mutate(current);
            string? warning = warnings?.Value;
            if (error is not null)
            {
                await Replies.StatusAsync(request.Context, error);
                return;
            }
            if (current is null)
            {
                if (!allowCreate || mode != UpdateMode.Main)
                {
                    await Replies.StatusAsync(request.Context, ApiStatus.NotFound(_descriptor, name));
                    return;
                }
                next!.Metadata.Name = name;
                (Stored<T>? created, Status? createError) = await CreateObjectAsync(request, next);
                await (createError is null ? ReplyAsync(created!.Value, 201, warning) : Replies.StatusAsync(request.Context, createError));
                return;
            }
            string? precondition = next!.Metadata.ResourceVersion;
            string currentVersion = current.Revision.ToString(CultureInfo.InvariantCulture);
            if (!string.IsNullOrEmpty(precondition) && precondition != currentVersion)
            {
                await Replies.StatusAsync(request.Context, ApiStatus.Conflict(_descriptor, name));
                return;
            }
            T candidate = mode == UpdateMode.Status ? WithStatusOf(next, current) : next;
            if (await PrepareUpdateAsync(request, candidate, current.Value, mode, isApply) is { } refused)
            {
                await Replies.StatusAsync(request.Context, refused);
                return;
            }
            byte[] bytes = _store.Codec.Encode(candidate);
            if (bytes.AsSpan().SequenceEqual(current.Bytes.Span))
            {
                await ReplyAsync(current.Value, 200, warning);
                return;
            }
            if (request.DryRun)
            {
                candidate.Metadata.ResourceVersion = currentVersion;
                await ReplyAsync(candidate, 200, warning);
                return;
            }
            WriteOutcome outcome = IsDeletionComplete(candidate)
                ? await _store.DeleteAsync(ns, name, current.Revision, _allocation?.Release(current.Value), request.Aborted)
                : await _store.UpdateAsync(candidate, current.Revision, request.Aborted);
            switch (outcome.Status)
            {
                case WriteStatus.Ok:
                    candidate.Metadata.ResourceVersion = outcome.Revision.ToString(CultureInfo.InvariantCulture);
                    await ReplyAsync(candidate, 200, warning);
                    return;
                case WriteStatus.Conflict when string.IsNullOrEmpty(precondition):
                    continue;
                case WriteStatus.Conflict:
                    await Replies.StatusAsync(request.Context, ApiStatus.Conflict(_descriptor, name));
                    return;
                default:
                    await Replies.StatusAsync(request.Context, WriteFailure(outcome));
                    return;
            }
        }
        await Replies.StatusAsync(request.Context, ApiStatus.Conflict(_descriptor, name, "the object kept changing; please try again"));
    }

    /// <summary>
    /// Records the write in managedFields as an "Update" by the request's field manager (the fields it added or
    /// changed become its own), so a later server-side apply that changes them conflicts, as in Kubernetes.
    /// </summary>
    internal void TrackFields(EndpointRequest request, T candidate, T? old)
    {
        System.Text.Json.Nodes.JsonNode? before = old is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(old, ApiJson.TypeInfo<T>());
        System.Text.Json.Nodes.JsonNode? after = System.Text.Json.JsonSerializer.SerializeToNode(candidate, ApiJson.TypeInfo<T>());
        IReadOnlyList<ManagedFieldsEntry> entries = Api.Patching.ServerSideApply.RecordUpdate(before, after, request.FieldManager,
            "Update", candidate.Metadata.ManagedFields ?? old?.Metadata.ManagedFields, Api.Patching.PatchSchema.For<T>(), _services.NowSeconds());
        candidate.Metadata.ManagedFields = entries.Count == 0 ? null : [.. entries];
    }

    /// <summary>A status write takes only the status of <paramref name="next"/>; spec and metadata stay as stored.</summary>
    private T WithStatusOf(T next, Stored<T> current)
    {
        T result = _store.Codec.Clone(current.Value, current.Revision);
        Strategy.CopyStatus(next, result);
        return result;
    }

    /// <summary>System fields come from the stored object; then defaults, the strategy's update rules, generation, validation and admission.</summary>
    private async Task<Status?> PrepareUpdateAsync(EndpointRequest request, T candidate, T old, UpdateMode mode, bool isApply)
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
        string? subresource = mode switch { UpdateMode.Status => "status", UpdateMode.Finalize => "finalize", _ => null };
        var admission = new AdmissionRequest(AdmissionOperation.Update, _descriptor, subresource,
            candidate, old, meta.Namespace, meta.Name ?? "", request.User, request.DryRun);
        if (await _services.Admission.MutateAsync(admission, request.Aborted) is { } refused)
        {
            return refused;
        }
        Strategy.ApplyDefaults(candidate);
        if (mode == UpdateMode.Main)
        {
            Strategy.PrepareForUpdate(candidate, old);
        }
        if (request.TracksFields && !isApply)
        {
            TrackFields(request, candidate, old);
        }
        if (Strategy.GetSpec(candidate) is { } spec && !SameEncoding(spec, Strategy.GetSpec(old)))
        {
            meta.Generation = (previous.Generation ?? 0) + 1;
        }
        ObjectMetaValidation.Validate(meta, _descriptor.Namespaced, Strategy.NameRule, errors);
        Strategy.ValidateUpdate(candidate, old, errors);
        if (errors.Count > 0)
        {
            return ApiStatus.Invalid(_descriptor, meta.Name ?? "", errors);
        }
        return await _services.Admission.ValidateAsync(admission, request.Aborted);
    }

    /// <summary>
    /// An object being deleted goes once its last finalizer is removed, no grace period is running and the kind does
    /// not hold it (a namespace's spec.finalizers).
    /// </summary>
    private bool IsDeletionComplete(T candidate) =>
        candidate.Metadata.DeletionTimestamp is not null
        && (candidate.Metadata.Finalizers?.Count ?? 0) == 0
        && (candidate.Metadata.DeletionGracePeriodSeconds ?? 0) == 0
        && _deletion?.HoldsDeletion(candidate) != true;

    private static bool SameEncoding(object spec, object? other) =>
        other is not null && spec.GetType() == other.GetType()
        && MessagePackSerializer.Serialize(spec.GetType(), spec, ApiMessagePack.Options).AsSpan()
            .SequenceEqual(MessagePackSerializer.Serialize(other.GetType(), other, ApiMessagePack.Options));
}
