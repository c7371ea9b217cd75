using System.Globalization;
using System.Text;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// core/v1 PodLogOptions: the query of GET pods/{name}/log (`kubectl logs`), which the API server validates and
/// passes on to the node's agent at /containerLogs/{namespace}/{pod}/{container}. Not stored, never a body: it lives
/// only as query parameters, so it carries no serializer attributes.
/// </summary>
public sealed record PodLogOptions
{
    /// <summary>Empty: the API server picks the pod's only container (or its default-container annotation).</summary>
    public string? Container { get; init; }

    public bool Follow { get; init; }

    public bool Previous { get; init; }

    public bool Timestamps { get; init; }

    public long? SinceSeconds { get; init; }

    public DateTimeOffset? SinceTime { get; init; }

    public long? TailLines { get; init; }

    public long? LimitBytes { get; init; }

    /// <summary>
    /// Reads the options from query parameters (<paramref name="query"/> answers a parameter's first value, or null).
    /// False, with the reason, for a value that does not parse (kube-apiserver answers that 400 BadRequest). Booleans
    /// convert as apimachinery's query conversion does: absent, "0" or "false" (any case) is false, anything else true.
    /// </summary>
    public static bool TryParse(Func<string, string?> query, out PodLogOptions options, out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        options = new PodLogOptions();
        error = null;
        if (!TryInt64(query, "sinceSeconds", out long? sinceSeconds, ref error)
            || !TryInt64(query, "tailLines", out long? tailLines, ref error)
            || !TryInt64(query, "limitBytes", out long? limitBytes, ref error))
        {
            return false;
        }
        DateTimeOffset? sinceTime = null;
        if (query("sinceTime") is { Length: > 0 } text)
        {
            if (!DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal, out DateTimeOffset parsed))
            {
                error = $"sinceTime: parsing time \"{text}\" as RFC 3339 failed";
                return false;
            }
            sinceTime = parsed;
        }
        options = new PodLogOptions
        {
            Container = query("container") is { Length: > 0 } container ? container : null,
            Follow = Flag(query("follow")),
            Previous = Flag(query("previous")),
            Timestamps = Flag(query("timestamps")),
            SinceSeconds = sinceSeconds,
            SinceTime = sinceTime,
            TailLines = tailLines,
            LimitBytes = limitBytes,
        };
        return true;
    }

    /// <summary>The checks of kube-apiserver's ValidatePodLogOptions, worded as it words them; empty when valid.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (TailLines is < 0)
        {
            errors.Add(new FieldError("FieldValueInvalid", "tailLines", $"Invalid value: {TailLines}: must be greater than or equal to 0"));
        }
        if (LimitBytes is < 1)
        {
            errors.Add(new FieldError("FieldValueInvalid", "limitBytes", $"Invalid value: {LimitBytes}: must be greater than 0"));
        }
        if (SinceSeconds is not null && SinceTime is not null)
        {
            errors.Add(new FieldError("FieldValueForbidden", "", "Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified"));
        }
        else if (SinceSeconds is < 1)
        {
            errors.Add(new FieldError("FieldValueInvalid", "sinceSeconds", $"Invalid value: {SinceSeconds}: must be greater than 0"));
        }
        return errors;
    }

    /// <summary>
    /// The query the API server sends to the agent (without the container, which is in the path): only the options
    /// set, booleans as "true", sinceTime in RFC 3339 to the second, as kube-apiserver's LogLocation builds it.
    /// </summary>
    public string ToQueryString()
    {
        var query = new StringBuilder();
        Add(query, "follow", Follow ? "true" : null);
        Add(query, "limitBytes", LimitBytes?.ToString(CultureInfo.InvariantCulture));
        Add(query, "previous", Previous ? "true" : null);
        Add(query, "sinceSeconds", SinceSeconds?.ToString(CultureInfo.InvariantCulture));
        Add(query, "sinceTime", SinceTime?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Add(query, "tailLines", TailLines?.ToString(CultureInfo.InvariantCulture));
        Add(query, "timestamps", Timestamps ? "true" : null);
        return query.ToString();
    }

    /// <summary>The first moment whose output is shown (sinceTime, or <paramref name="now"/> less sinceSeconds); null: all.</summary>
    public DateTimeOffset? Since(DateTimeOffset now)
    {
        if (SinceTime is { } at)
        {
            return at;
        }
        if (SinceSeconds is not long seconds)
        {
            return null;
        }
        // Further back than the calendar goes is everything.
        return seconds >= (now - DateTimeOffset.MinValue).TotalSeconds - 86_400 ? null : now - TimeSpan.FromSeconds(seconds);
    }

    private static bool Flag(string? value) =>
        value is not null && value != "0" && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

    private static bool TryInt64(Func<string, string?> query, string name, out long? value, ref string? error)
    {
        value = null;
        if (query(name) is not { Length: > 0 } text)
        {
            return true;
        }
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed))
        {
            error = $"{name}: strconv.ParseInt: parsing \"{text}\": invalid syntax";
            return false;
        }
        value = parsed;
        return true;
    }

    private static void Add(StringBuilder query, string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
