using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RaftOrchestrator.Ctl.Status;

namespace RaftOrchestrator.Ctl.Output;

/// <summary>The `-w json` shapes, serialized by generated code. Use <see cref="Plain"/>.</summary>
[JsonSerializable(typeof(IReadOnlyList<MemberRow>))]
[JsonSerializable(typeof(IReadOnlyList<MemberStatusRow>))]
internal sealed partial class CtlJsonContext : JsonSerializerContext
{
    /// <summary>
    /// camelCase, indented, and with only what JSON requires escaped: the output goes to a terminal or a
    /// script, never into HTML, so "3.4.23+rorch" stays as it is (the default encoder writes \u002B).
    /// </summary>
    public static CtlJsonContext Plain { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
