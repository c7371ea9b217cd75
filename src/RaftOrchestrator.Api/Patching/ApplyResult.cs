using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Patching;

/// <summary>
/// The outcome of a server-side apply: the merged object and its new managedFields, or an error. A conflict error
/// (<see cref="PatchErrorKind.Conflict"/>) lists the fields in <see cref="Conflicts"/>. The object's own
/// metadata.managedFields is left as it was: the caller writes <see cref="ManagedFields"/> into it.
/// </summary>
public sealed class ApplyResult
{
    private ApplyResult(JsonNode? value, IReadOnlyList<ManagedFieldsEntry> managedFields, IReadOnlyList<FieldConflict> conflicts, PatchError? error)
    {
        Value = value;
        ManagedFields = managedFields;
        Conflicts = conflicts;
        Error = error;
    }

    public JsonNode? Value { get; }

    public IReadOnlyList<ManagedFieldsEntry> ManagedFields { get; }

    public IReadOnlyList<FieldConflict> Conflicts { get; }

    public PatchError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Error is null;

    public static ApplyResult Ok(JsonNode value, IReadOnlyList<ManagedFieldsEntry> managedFields) => new(value, managedFields, [], null);

    public static ApplyResult Fail(PatchError error) => new(null, [], [], error);

    public static ApplyResult Conflict(IReadOnlyList<FieldConflict> conflicts, string message) =>
        new(null, [], conflicts, new PatchError(PatchErrorKind.Conflict, message));
}
