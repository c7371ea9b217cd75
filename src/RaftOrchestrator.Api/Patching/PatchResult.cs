using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace RaftOrchestrator.Api.Patching;

/// <summary>
/// The outcome of a patch: the new document (a tree of its own, sharing no node with the inputs) or the error.
/// A successful <see cref="Value"/> may be null: a JSON merge patch of <c>null</c> yields the JSON null.
/// </summary>
public sealed class PatchResult
{
    private PatchResult(JsonNode? value, PatchError? error)
    {
        Value = value;
        Error = error;
    }

    public JsonNode? Value { get; }

    public PatchError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static PatchResult Ok(JsonNode? value) => new(value, null);

    public static PatchResult Fail(PatchErrorKind kind, string message) => new(null, new PatchError(kind, message));

    public static PatchResult Fail(PatchError error) => new(null, error);

    public override string ToString() => Succeeded ? Value?.ToJsonString() ?? "null" : Error.Message;
}
