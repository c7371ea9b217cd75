namespace RaftOrchestrator.Api.Patching;

/// <summary>How the server answers a failed patch.</summary>
public enum PatchErrorKind
{
    /// <summary>The patch document itself is malformed (not the JSON shape its type requires): 400 BadRequest.</summary>
    BadRequest,

    /// <summary>The patch is well formed but cannot be applied to this object: 422 Unprocessable Entity.</summary>
    Invalid,

    /// <summary>Server-side apply found fields owned by other managers: 409 Conflict.</summary>
    Conflict,
}
