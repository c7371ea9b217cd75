using System.Security.Cryptography;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Validation;
using RaftOrchestrator.Server.Kube.Admission;
using RaftOrchestrator.Server.Kube.Registry;

namespace RaftOrchestrator.Server.Kube.Endpoints;

public sealed partial class ResourceEndpoint<T>
{
    /// <summary>kube-apiserver's generateName alphabet: no vowels (no words), no look-alike characters.</summary>
    private static readonly char[] s_nameAlphabet = "bcdfghjklmnpqrstvwxz2456789".ToCharArray();

    private const int GenerateNameAttempts = 8;

    private async Task CreateAsync(EndpointRequest request)
    {
        ObjectDecoder<T>.Decoded decoded = await ReadPlacedBodyAsync(request);
        if (decoded.Error is not null)
        {
            await Replies.StatusAsync(request.Context, decoded.Error);
            return;
        }
        T value = decoded.Value!;
        (Stored<T>? created, Status? error) = await CreateObjectAsync(request, value);
        if (error is not null)
        {
            await Replies.StatusAsync(request.Context, error);
            return;
        }
        await ReplyObjectAsync(request, created!.Value, 201, decoded.Warning);
    }

    /// <summary>The create transaction with the kind's reservations; a collision on a reserved value (not the name) picks another.</summary>
    private async Task<(WriteOutcome Outcome, Status? Error)> CreateReservedAsync(T value, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            Reservation reservation = Reservation.Empty;
            if (_allocation is not null)
            {
                (Reservation? reserved, Status? error) = _allocation.Reserve(value, attempt);
                if (error is not null)
                {
                    return (default, error);
                }
                reservation = reserved!;
            }
            WriteOutcome outcome = await _store.CreateAsync(value, reservation.Compares, reservation.Puts, cancellationToken);
            if (outcome.Status != WriteStatus.Exists || reservation.Compares.Count == 0
                || _store.Get(value.Metadata.Namespace, value.Metadata.Name!) is not null || attempt >= 32)
            {
                return (outcome, null);
            }
        }
    }

    /// <summary>Reads and decodes a request body as this kind (413 / 400 / 415 as Status).</summary>
    internal async Task<(T? Value, Status? Error)> ReadBodyAsync(EndpointRequest request)
    {
        ObjectDecoder<T>.Decoded decoded = await ReadDecodedAsync(request);
        return (decoded.Value, decoded.Error);
    }

    private async Task<ObjectDecoder<T>.Decoded> ReadDecodedAsync(EndpointRequest request)
    {
        (byte[]? body, Status? tooLarge) = await RequestBody.ReadAsync(request.Context.Request, request.Aborted);
        return tooLarge is not null
            ? new ObjectDecoder<T>.Decoded(null, tooLarge, null)
            : _decoder.Decode(body, request.Context.Request.ContentType, request.FieldValidation);
    }

    /// <summary>The body as this kind, placed in the URL's namespace; any failure is the Decoded's Error.</summary>
    internal async Task<ObjectDecoder<T>.Decoded> ReadPlacedBodyAsync(EndpointRequest request)
    {
        ObjectDecoder<T>.Decoded decoded = await ReadDecodedAsync(request);
        if (decoded.Value is not null && PlaceInNamespace(decoded.Value, NamespaceOf(request)) is { } mismatch)
        {
            return decoded with { Value = null, Error = mismatch };
        }
        return decoded;
    }

    /// <summary>The URL's namespace is the object's; a different one in the body is a 400, as in Kubernetes.</summary>
    internal Status? PlaceInNamespace(T value, string? ns)
    {
        if (!_descriptor.Namespaced)
        {
            value.Metadata.Namespace = null;
            return null;
        }
        if (!string.IsNullOrEmpty(value.Metadata.Namespace) && value.Metadata.Namespace != ns)
        {
            return ApiStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        value.Metadata.Namespace = ns;
        return null;
    }

    /// <summary>
    /// The create pipeline after decoding: system fields, mutating admission, defaults, validation, validating
    /// admission, then one create-if-absent transaction (with the kind's reservations, retried on a collision).
    /// </summary>
    internal async Task<(Stored<T>? Created, Status? Error)> CreateObjectAsync(EndpointRequest request, T value)
    {
        ObjectMeta meta = value.Metadata;
        meta.Uid = Guid.NewGuid().ToString();
        meta.CreationTimestamp = _services.NowSeconds();
        meta.DeletionTimestamp = null;
        meta.DeletionGracePeriodSeconds = null;
        meta.ResourceVersion = null;
        bool generated = string.IsNullOrEmpty(meta.Name) && !string.IsNullOrEmpty(meta.GenerateName);
        for (int attempt = 0; ; attempt++)
        {
            if (generated)
            {
                meta.Name = meta.GenerateName + new string(RandomNumberGenerator.GetItems<char>(s_nameAlphabet, 5));
            }
            var admission = new AdmissionRequest(AdmissionOperation.Create, _descriptor, null, value, null, meta.Namespace, meta.Name ?? "", request.User, request.DryRun);
            if (await _services.Admission.MutateAsync(admission, request.Aborted) is { } refused)
            {
                return (null, refused);
            }
            Strategy.ApplyDefaults(value);
            Strategy.PrepareForCreate(value);
            if (request.TracksFields && !(request.Context.Request.Method == HttpMethods.Patch))
            {
                meta.ManagedFields = null;
                TrackFields(request, value, null);
            }
            meta.Generation = Strategy.GetSpec(value) is null ? meta.Generation : 1;
            var errors = new FieldErrorList();
            ObjectMetaValidation.Validate(meta, _descriptor.Namespaced, Strategy.NameRule, errors);
            Strategy.Validate(value, errors);
            if (errors.Count > 0)
            {
                return (null, ApiStatus.Invalid(_descriptor, meta.Name ?? "", errors));
            }
            if (await _services.Admission.ValidateAsync(admission, request.Aborted) is { } denied)
            {
                return (null, denied);
            }
            if (request.DryRun)
            {
                return (new Stored<T>(value, 0, default), null);
            }
            (WriteOutcome outcome, Status? notReserved) = await CreateReservedAsync(value, request.Aborted);
            if (notReserved is not null)
            {
                return (null, notReserved);
            }
            switch (outcome.Status)
            {
                case WriteStatus.Ok:
                    meta.ResourceVersion = outcome.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return (new Stored<T>(value, outcome.Revision, default), null);
                case WriteStatus.Exists when generated && attempt + 1 < GenerateNameAttempts:
                    continue;
                case WriteStatus.Exists:
                    return (null, ApiStatus.AlreadyExists(_descriptor, meta.Name!));
                default:
                    return (null, WriteFailure(outcome));
            }
        }
    }
}
