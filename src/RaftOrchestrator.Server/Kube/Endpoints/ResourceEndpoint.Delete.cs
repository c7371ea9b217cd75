using System.Globalization;
using System.Text.Json;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Server.Kube.Admission;
using RaftOrchestrator.Server.Kube.Registry;

namespace RaftOrchestrator.Server.Kube.Endpoints;

public sealed partial class ResourceEndpoint<T>
{
    /// <summary>Keeps the object until the garbage collector has removed its references from its dependents.</summary>
    private const string OrphanFinalizer = "orphan";

    /// <summary>Keeps the object until the garbage collector has deleted its blocking dependents.</summary>
    private const string ForegroundFinalizer = "foregroundDeletion";

    private async Task DeleteAsync(EndpointRequest request)
    {
        (DeleteOptions? options, Status? bad) = await ReadDeleteOptionsAsync(request);
        if (bad is not null)
        {
            await Replies.StatusAsync(request.Context, bad);
            return;
        }
        if (await BarrierAsync(null, request.Aborted) is { } unavailable)
        {
            await Replies.StatusAsync(request.Context, unavailable);
            return;
        }
        (T? deleted, Status? error) = await DeleteOneAsync(request, request.Info.Name!, options!);
        await (error is not null ? Replies.StatusAsync(request.Context, error) : ReplyObjectAsync(request, deleted!, 200));
    }

    private async Task DeleteCollectionAsync(EndpointRequest request)
    {
        (DeleteOptions? options, Status? bad) = await ReadDeleteOptionsAsync(request);
        ListOptions list = ListOptions.From(request.Query) with { Limit = 0, Continue = null };
        if (bad is not null || !ObjectFilter<T>.TryCreate(_descriptor, list, out ObjectFilter<T>? filter, out bad))
        {
            await Replies.StatusAsync(request.Context, bad!);
            return;
        }
        (ListPage<T>? page, Status? error) = await ReadListAsync(request, list, filter);
        if (error is not null)
        {
            await Replies.StatusAsync(request.Context, error);
            return;
        }
        var deleted = new List<T>();
        foreach (T item in page!.Items)
        {
            var one = request with { Info = request.Info with { Namespace = item.Metadata.Namespace, Name = item.Metadata.Name } };
            (T? gone, Status? failed) = await DeleteOneAsync(one, item.Metadata.Name!, options!);
            if (failed is { Code: not 404 })
            {
                await Replies.StatusAsync(request.Context, failed);
                return;
            }
            if (gone is not null)
            {
                deleted.Add(gone);
            }
        }
        var reply = new ObjectList<T>
        {
            ApiVersion = _descriptor.ApiVersion,
            Kind = _descriptor.Kind + "List",
            Metadata = new ListMeta { ResourceVersion = _services.Store.CurrentRevision.ToString(CultureInfo.InvariantCulture) },
            Items = deleted,
        };
        await Replies.JsonAsync(request.Context, reply, 200, ApiJson.TypeInfo<ObjectList<T>>());
    }

    /// <summary>
    /// Deletes one object: preconditions (uid, resourceVersion) first; an object with finalizers, or one the kind
    /// deletes gracefully, is marked and written back; otherwise one delete guarded by the revision read.
    /// </summary>
    internal async Task<(T? Deleted, Status? Error)> DeleteOneAsync(EndpointRequest request, string name, DeleteOptions options)
    {
        string? ns = NamespaceOf(request);
        for (int attempt = 0; attempt < UpdateAttempts; attempt++)
        {
            Stored<T>? current = _store.Get(ns, name);
            if (current is null)
            {
                return (null, ApiStatus.NotFound(_descriptor, name));
            }
            T value = current.Value;
            if (options.Preconditions?.Uid is { Length: > 0 } uid && uid != value.Metadata.Uid)
            {
                return (null, ApiStatus.Conflict(_descriptor, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {value.Metadata.Uid}"));
            }
            if (options.Preconditions?.ResourceVersion is { Length: > 0 } rv && rv != value.Metadata.ResourceVersion)
            {
                return (null, ApiStatus.Conflict(_descriptor, name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {value.Metadata.ResourceVersion}"));
            }
            var admission = new AdmissionRequest(AdmissionOperation.Delete, _descriptor, null, null, value, ns, name, request.User, request.DryRun);
            if (await _services.Admission.ValidateAsync(admission, request.Aborted) is { } denied)
            {
                return (null, denied);
            }
            T marked = _store.Codec.Clone(value, current.Revision);
            bool graceful = MarkForDeletion(marked, options);
            if (graceful && _store.Codec.Encode(marked).AsSpan().SequenceEqual(current.Bytes.Span))
            {
                return (value, null);   // already being deleted
            }
            if (request.DryRun)
            {
                return (graceful ? marked : value, null);
            }
            WriteOutcome outcome = graceful
                ? await _store.UpdateAsync(marked, current.Revision, request.Aborted)
                : await _store.DeleteAsync(ns, name, current.Revision, _allocation?.Release(value), request.Aborted);
            switch (outcome.Status)
            {
                case WriteStatus.Ok:
                    T result = graceful ? marked : value;
                    result.Metadata.ResourceVersion = outcome.Revision.ToString(CultureInfo.InvariantCulture);
                    return (result, null);
                case WriteStatus.Conflict:
                    continue;
                default:
                    return (null, WriteFailure(outcome));
            }
        }
        return (null, ApiStatus.Conflict(_descriptor, name, "the object kept changing; please try again"));
    }

    /// <summary>True when the object must be written back marked (finalizers or a graceful kind) rather than deleted.</summary>
    private bool MarkForDeletion(T value, DeleteOptions options)
    {
        ObjectMeta meta = value.Metadata;
        if (meta.DeletionTimestamp is not null)
        {
            // As kube-apiserver: the propagation policy may still change, unless a graceful deletion is pending
            // (and not being shortened).
            long pending = meta.DeletionGracePeriodSeconds ?? 0;
            if (pending == 0 || options.GracePeriodSeconds < pending)
            {
                SetPropagationFinalizers(meta, options);
            }
            // Already terminating: a shorter grace period may still be asked for (force delete of a pod).
            if (options.GracePeriodSeconds == 0 && (meta.Finalizers?.Count ?? 0) == 0)
            {
                return false;
            }
            return true;
        }
        SetPropagationFinalizers(meta, options);
        DateTime now = _services.NowSeconds();
        if (_deletion?.BeginGracefulDeletion(value, options, now) == true)
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

    /// <summary>
    /// kube-apiserver's deletionFinalizersForGarbageCollection: <c>orphan</c> when dependents are to be orphaned,
    /// <c>foregroundDeletion</c> when they are to be deleted first (the garbage collector then removes the finalizer,
    /// and the object goes). What the request says wins (orphanDependents over propagationPolicy); without either, a
    /// finalizer the object already carries stays; else the default of every kind served here, Background, adds
    /// neither, so an object without finalizers is still deleted at once.
    /// </summary>
    private static void SetPropagationFinalizers(ObjectMeta meta, DeleteOptions options)
    {
        bool hasOrphan = meta.Finalizers?.Contains(OrphanFinalizer) == true;
        bool hasForeground = meta.Finalizers?.Contains(ForegroundFinalizer) == true;
        (bool orphan, bool foreground) = (options.OrphanDependents, options.PropagationPolicy) switch
        {
            ({ } explicitly, _) => (explicitly, false),
            (null, "Orphan") => (true, false),
            (null, "Foreground") => (false, true),
            (null, "Background") => (false, false),
            _ => (hasOrphan, !hasOrphan && hasForeground),
        };
        if (orphan == hasOrphan && foreground == hasForeground)
        {
            return;
        }
        List<string> finalizers = [.. (meta.Finalizers ?? []).Where(f => f is not (OrphanFinalizer or ForegroundFinalizer))];
        if (orphan)
        {
            finalizers.Add(OrphanFinalizer);
        }
        if (foreground)
        {
            finalizers.Add(ForegroundFinalizer);
        }
        meta.Finalizers = finalizers.Count == 0 ? null : finalizers;
    }

    /// <summary>DeleteOptions from the body (JSON) and the query (gracePeriodSeconds, propagationPolicy, dryRun).</summary>
    private static async Task<(DeleteOptions? Options, Status? Error)> ReadDeleteOptionsAsync(EndpointRequest request)
    {
        (byte[]? body, Status? tooLarge) = await RequestBody.ReadAsync(request.Context.Request, request.Aborted);
        if (tooLarge is not null)
        {
            return (null, tooLarge);
        }
        DeleteOptions options = new();
        if (body is { Length: > 0 })
        {
            try
            {
                options = JsonSerializer.Deserialize(body, ApiJson.TypeInfo<DeleteOptions>()) ?? new DeleteOptions();
            }
            catch (JsonException e)
            {
                return (null, ApiStatus.BadRequest($"DeleteOptions in version \"v1\" cannot be handled as a DeleteOptions: {e.Message}"));
            }
        }
        if (long.TryParse(ListOptions.Value(request.Query, "gracePeriodSeconds"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long grace))
        {
            options.GracePeriodSeconds = grace;
        }
        if (ListOptions.Value(request.Query, "propagationPolicy") is { } policy)
        {
            options.PropagationPolicy = policy;
        }
        if (bool.TryParse(ListOptions.Value(request.Query, "orphanDependents"), out bool orphan))
        {
            options.OrphanDependents = orphan;
        }
        if (options.PropagationPolicy is { } given && given is not ("Orphan" or "Background" or "Foreground"))
        {
            return (null, ApiStatus.BadRequest($"DeleteOptions.PropagationPolicy: Unsupported value: \"{given}\": supported values: \"Orphan\", \"Background\", \"Foreground\""));
        }
        return (options, null);
    }
}
