namespace RaftOrchestrator.Client;

/// <summary>Options of create, update and patch.</summary>
public sealed record WriteRequest
{
    /// <summary>The field manager recorded for the write (server-side apply needs one).</summary>
    public string? FieldManager { get; init; }

    /// <summary>Validate and admit, but do not store.</summary>
    public bool DryRun { get; init; }

    /// <summary>Server-side apply only: take over fields other managers own.</summary>
    public bool Force { get; init; }
}
