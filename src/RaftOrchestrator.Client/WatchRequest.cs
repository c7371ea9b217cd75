namespace RaftOrchestrator.Client;

/// <summary>The options of a watch call.</summary>
public sealed record WatchRequest
{
    /// <summary>Events after this revision; null or "0" starts with synthetic ADDED events of the current state.</summary>
    public string? ResourceVersion { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Ask for BOOKMARK events, so a resumed watch starts from a recent revision.</summary>
    public bool AllowBookmarks { get; init; } = true;

    /// <summary>The server ends the watch after this long; null leaves it to the server's default.</summary>
    public TimeSpan? Timeout { get; init; }
}
