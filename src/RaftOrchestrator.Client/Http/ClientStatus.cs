using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client.Http;

/// <summary>The Status of failures the server did not word: transport failures, and error replies without a Status body.</summary>
internal static class ClientStatus
{
    public static Status ServiceUnavailable(string message) => Failure(503, message);

    public static Status Timeout(string message) => Failure(504, message);

    public static Status Failure(int code, string message) =>
        new() { Outcome = "Failure", Code = code, Reason = ReasonFor(code), Message = message };

    /// <summary>The reason client-go assumes for a bare HTTP status (its <c>newUnstructuredResponseError</c>).</summary>
    public static string ReasonFor(int code) => code switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        409 => "Conflict",
        410 => "Expired",
        413 => "RequestEntityTooLarge",
        415 => "UnsupportedMediaType",
        422 => "Invalid",
        429 => "TooManyRequests",
        500 => "InternalError",
        503 => "ServiceUnavailable",
        504 => "Timeout",
        _ => "Unknown",
    };
}
