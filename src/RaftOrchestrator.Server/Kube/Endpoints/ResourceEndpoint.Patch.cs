using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Server.Kube.Registry;

namespace RaftOrchestrator.Server.Kube.Endpoints;

public sealed partial class ResourceEndpoint<T>
{
    /// <summary>
    /// PATCH: JSON patch, merge patch, strategic merge patch (on this kind's schema) or server-side apply, applied
    /// to the current object's JSON on every attempt of the update pipeline. Apply creates the object when absent.
    /// <paramref name="narrow"/>, when given, turns the patched object into the candidate from the stored one (a
    /// subresource that changes one field).
    /// </summary>
    internal async Task PatchAsync(EndpointRequest request, UpdateMode mode, Func<T, Stored<T>, T>? narrow = null)
    {
        (byte[]? body, Status? tooLarge) = await RequestBody.ReadAsync(request.Context.Request, request.Aborted);
        if (tooLarge is not null)
        {
            await Replies.StatusAsync(request.Context, tooLarge);
            return;
        }
        string patchType = MediaTypes.Essence(request.Context.Request.ContentType);
        if (!PatchApplier.IsPatchType(patchType))
        {
            await Replies.StatusAsync(request.Context, ApiStatus.UnsupportedMediaType(request.Context.Request.ContentType ?? ""));
            return;
        }
        if (!PatchApplier.TryParse(patchType, body!, out JsonNode? patch, out string? parseError))
        {
            await Replies.StatusAsync(request.Context, ApiStatus.BadRequest(parseError!));
            return;
        }
        bool apply = patchType == MediaTypes.ApplyPatch;
        string? manager = ListOptions.Value(request.Query, "fieldManager");
        if (apply && string.IsNullOrEmpty(manager))
        {
            await Replies.StatusAsync(request.Context, ApiStatus.BadRequest("PATCH, application/apply-patch+yaml requests require fieldManager to be set"));
            return;
        }
        bool force = ListOptions.Flag(request.Query, "force");
        var warning = new StrongBox<string?>();
        await UpdateAsync(request, current =>
        {
            JsonNode? original = current is null ? null : JsonSerializer.SerializeToNode(current.Value, ApiJson.TypeInfo<T>());
            if (original is null && !apply)
            {
                return (null, ApiStatus.NotFound(_descriptor, request.Info.Name!));
            }
            PatchApplier.Result patched = PatchApplier.Apply(patchType, original, patch!, typeof(T), manager, force, _services.NowSeconds(), _descriptor);
            if (patched.Error is not null)
            {
                return (null, patched.Error);
            }
            ObjectDecoder<T>.Decoded decoded = _decoder.DecodeNode(patched.Patched, request.FieldValidation);
            if (decoded.Error is not null)
            {
                return (null, decoded.Error);
            }
            warning.Value = decoded.Warning;
            T next = decoded.Value!;
            if (patched.ManagedFields is { } owners)
            {
                next.Metadata.ManagedFields = [.. owners];
            }
            if (PlaceInNamespace(next, NamespaceOf(request)) is { } mismatch)
            {
                return (null, mismatch);
            }
            if (next.Metadata.Name != request.Info.Name)
            {
                return (null, ApiStatus.BadRequest($"the name of the object ({next.Metadata.Name}) does not match the name on the URL ({request.Info.Name})"));
            }
            // A resourceVersion the patch itself carries is a precondition; one merely kept from the current object is not.
            if (current is not null && !PatchApplier.SetsResourceVersion(patchType, patch!))
            {
                next.Metadata.ResourceVersion = null;
            }
            return (current is not null && narrow is not null ? narrow(next, current) : next, null);
        }, mode, allowCreate: apply, warning, isApply: apply);
    }
}
