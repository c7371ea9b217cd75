using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace RaftOrchestrator.Server.Kube;

/// <summary>The query parameters of list and watch (meta/v1 ListOptions).</summary>
public sealed record ListOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    public long Limit { get; init; }

    public string? Continue { get; init; }

    /// <summary>"" (or absent): linearizable; "0": any; otherwise a revision.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>"", NotOlderThan or Exact.</summary>
    public string? ResourceVersionMatch { get; init; }

    public bool Watch { get; init; }

    public bool AllowWatchBookmarks { get; init; }

    public long TimeoutSeconds { get; init; }

    public bool? SendInitialEvents { get; init; }

    /// <summary>Table rows carry the full object (Object), its metadata (Metadata, the default) or nothing (None).</summary>
    public string IncludeObject { get; init; } = "Metadata";

    public static ListOptions From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new ListOptions
        {
            LabelSelector = Value(query, "labelSelector"),
            FieldSelector = Value(query, "fieldSelector"),
            Limit = long.TryParse(Value(query, "limit"), NumberStyles.None, CultureInfo.InvariantCulture, out long limit) ? limit : 0,
            Continue = Value(query, "continue"),
            ResourceVersion = Value(query, "resourceVersion"),
            ResourceVersionMatch = Value(query, "resourceVersionMatch"),
            Watch = Flag(query, "watch"),
            AllowWatchBookmarks = Flag(query, "allowWatchBookmarks"),
            TimeoutSeconds = long.TryParse(Value(query, "timeoutSeconds"), NumberStyles.None, CultureInfo.InvariantCulture, out long timeout) ? timeout : 0,
            SendInitialEvents = Value(query, "sendInitialEvents") is { } initial ? initial is "true" or "1" : null,
            IncludeObject = Value(query, "includeObject") ?? "Metadata",
        };
    }

    public static string? Value(IQueryCollection query, string name)
    {
        ArgumentNullException.ThrowIfNull(query);
        StringValues values = query[name];
        return values.Count == 0 ? null : values[^1];
    }

    public static bool Flag(IQueryCollection query, string name) => Value(query, name) is "true" or "1";
}
