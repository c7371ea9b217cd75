using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Testing;

/// <summary>
/// The Status values the in-memory client answers with, worded as the server words them (its <c>ApiStatus</c>),
/// so tests that branch on code and reason see what they would see over HTTP. Public so that tests can inject the
/// same failures (<see cref="InMemoryClusterClient.FailNext"/>).
/// </summary>
public static class InMemoryStatus
{
    public static Status Success(int code = 200) => new() { Outcome = "Success", Code = code };

    public static Status NotFound(ResourceDescriptor resource, string name) =>
        Failure(404, "NotFound", $"{resource.QualifiedPlural} \"{name}\" not found", Details(resource, name));

    public static Status NotFoundPath() => Failure(404, "NotFound", "the server could not find the requested resource", new StatusDetails());

    public static Status AlreadyExists(ResourceDescriptor resource, string name) =>
        Failure(409, "AlreadyExists", $"{resource.QualifiedPlural} \"{name}\" already exists", Details(resource, name));

    public static Status Conflict(ResourceDescriptor resource, string name, string? detail = null) =>
        Failure(409, "Conflict",
            $"Operation cannot be fulfilled on {resource.QualifiedPlural} \"{name}\": {detail ?? "the object has been modified; please apply your changes to the latest version and try again"}",
            Details(resource, name));

    public static Status Invalid(ResourceDescriptor resource, string name, IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(errors);
        string causes = string.Join(", ", errors.Select(e => e.Field.Length == 0 ? e.Message : $"{e.Field}: {e.Message}"));
        StatusDetails details = Details(resource, name);
        details.Kind = resource.Kind;
        details.Causes = [.. errors.Select(e => new StatusCause { Reason = e.Type, Message = e.Message, Field = e.Field })];
        return Failure(422, "Invalid", $"{resource.Kind} \"{name}\" is invalid: {(errors.Count == 1 ? causes : $"[{causes}]")}", details);
    }

    public static Status BadRequest(string message) => Failure(400, "BadRequest", message);

    public static Status Gone(string message) => Failure(410, "Expired", message);

    public static Status UnsupportedMediaType(string message) => Failure(415, "UnsupportedMediaType", message);

    public static Status TooManyRequests() => Failure(429, "TooManyRequests", "the server has received too many requests and has asked us to try again later");

    public static Status InternalError(string message) => Failure(500, "InternalError", $"Internal error occurred: {message}");

    public static Status ServiceUnavailable(string message = "no replica is reachable") => Failure(503, "ServiceUnavailable", message);

    public static Status Timeout(string message = "request timed out") => Failure(504, "Timeout", message);

    public static Status TooLargeResourceVersion(long asked, long current) =>
        Failure(504, "Timeout", $"Too large resource version: {asked}, current: {current}", new StatusDetails
        {
            Causes = [new StatusCause { Reason = "ResourceVersionTooLarge", Message = $"Too large resource version: {asked}, current: {current}" }],
            RetryAfterSeconds = 1,
        });

    public static Status Failure(int code, string reason, string message, StatusDetails? details = null) =>
        new() { Outcome = "Failure", Code = code, Reason = reason, Message = message, Details = details };

    private static StatusDetails Details(ResourceDescriptor resource, string name) =>
        new() { Name = name, Group = resource.Group.Length == 0 ? null : resource.Group, Kind = resource.Plural };
}
