using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace RaftOrchestrator.Chaos.History;

/// <summary>
/// One KV client operation as the traffic recorded it. Times are monotonic ticks of one clock shared by every
/// client of a run (Stopwatch ticks in the recorder); only their order matters to the checkers. A client runs one
/// operation at a time, but the checkers do not rely on it. ReturnTime is when the response arrived, null when the
/// outcome is <see cref="OperationOutcome.Unknown"/>.
/// </summary>
public sealed record Operation(
    long Id,
    int Client,
    OperationKind Kind,
    string Key,
    OperationInput Input,
    long InvokeTime,
    long? ReturnTime,
    OperationOutcome Outcome,
    OperationOutput? Output = null)
{
    [JsonIgnore]
    public bool IsWrite => Kind is OperationKind.Put or OperationKind.Cas or OperationKind.Append;

    [JsonIgnore]
    public bool IsListKind => Kind is OperationKind.Append or OperationKind.ReadList;

    /// <summary>An Ok write that changed the key: a put, an append, or a cas whose compare held.</summary>
    [JsonIgnore]
    public bool IsAcknowledgedWrite =>
        Outcome == OperationOutcome.Ok && (Kind is OperationKind.Put or OperationKind.Append
            || (Kind == OperationKind.Cas && Output?.Succeeded == true));

    /// <summary>One line for a failure excerpt: <c>#12 c3 cas k1 (v1→v2) ok {true rev 40} [100, 180]</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"#{Id} c{Client} {Kind.ToString().ToLowerInvariant()} {Key}");
        switch (Kind)
        {
            case OperationKind.Put or OperationKind.Append:
                sb.Append(CultureInfo.InvariantCulture, $" ({Show(Input.Value)})");
                break;
            case OperationKind.Cas when Input.ExpectedModRevision is long rev:
                sb.Append(CultureInfo.InvariantCulture, $" (modrev={rev} → {Show(Input.Value)})");
                break;
            case OperationKind.Cas:
                sb.Append(CultureInfo.InvariantCulture, $" ({Show(Input.ExpectedValue)} → {Show(Input.Value)})");
                break;
        }
        sb.Append(' ').Append(Outcome.ToString().ToLowerInvariant());
        if (Outcome == OperationOutcome.Ok && Output is { } o)
        {
            sb.Append(" {");
            var parts = new List<string>();
            if (Kind == OperationKind.Get) parts.Add(Show(o.Value));
            if (o.Elements is { } e) parts.Add("[" + string.Join(",", e) + "]");
            if (o.Succeeded is bool s) parts.Add(s ? "true" : "false");
            if (o.Revision is long r) parts.Add(string.Create(CultureInfo.InvariantCulture, $"rev {r}"));
            if (o.ModRevision is long m) parts.Add(string.Create(CultureInfo.InvariantCulture, $"modrev {m}"));
            sb.Append(string.Join(' ', parts)).Append('}');
        }
        sb.Append(CultureInfo.InvariantCulture, $" [{InvokeTime}, {(ReturnTime is long t ? t.ToString(CultureInfo.InvariantCulture) : "∞")}]");
        return sb.ToString();
    }

    private static string Show(string? value) => value ?? "∅";
}
