using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Server.Kube;

/// <summary>
/// The Status replies of the API, worded as kube-apiserver words them (kubectl prints the message and picks its
/// wording from the reason). The HTTP status is always <see cref="Status.Code"/>.
/// </summary>
public static class ApiStatus
{
    public static Status Success() => new() { Outcome = "Success", Code = 200 };

    public static Status NotFound(ResourceDescriptor resource, string name) =>
        Failure(404, "NotFound", $"{resource.QualifiedPlural} \"{name}\" not found", Details(resource, name));

    public static Status AlreadyExists(ResourceDescriptor resource, string name) =>
        Failure(409, "AlreadyExists", $"{resource.QualifiedPlural} \"{name}\" already exists", Details(resource, name));

    public static Status Conflict(ResourceDescriptor resource, string name, string? detail = null) =>
        Failure(409, "Conflict",
            $"Operation cannot be fulfilled on {resource.QualifiedPlural} \"{name}\": {detail ?? "the object has been modified; please apply your changes to the latest version and try again"}",
            Details(resource, name));

    public static Status Invalid(ResourceDescriptor resource, string name, IReadOnlyList<FieldError> errors)
    {
        string causes = string.Join(", ", errors.Select(e => e.Field.Length == 0 ? e.Message : $"{e.Field}: {e.Message}"));
        string list = errors.Count == 1 ? causes : $"[{causes}]";
        StatusDetails details = Details(resource, name);
        details.Kind = resource.Kind;
        details.Causes = [.. errors.Select(e => new StatusCause { Reason = e.Type, Message = e.Message, Field = e.Field })];
        return Failure(422, "Invalid", $"{resource.Kind} \"{name}\" is invalid: {list}", details);
    }

    public static Status BadRequest(string message) => Failure(400, "BadRequest", message);

    public static Status Gone(string message) => Failure(410, "Expired", message);

    public static Status MethodNotAllowed(string message = "the server does not allow this method on the requested resource") =>
        Failure(405, "MethodNotAllowed", message);

    public static Status NotAcceptable(string message) => Failure(406, "NotAcceptable", message);

    public static Status UnsupportedMediaType(string contentType) =>
        Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf, application/vnd.raftorchestrator.msgpack (got \"{contentType}\")");

    public static Status TooLarge(long limit) => Failure(413, "RequestEntityTooLarge", $"Request entity too large: limit is {limit}");

    public static Status Forbidden(string message) => Failure(403, "Forbidden", message);

    public static Status Unauthorized() => Failure(401, "Unauthorized", "Unauthorized");

    public static Status ServiceUnavailable(string message) => Failure(503, "ServiceUnavailable", message);

    public static Status Timeout(string message) => Failure(504, "Timeout", message);

    /// <summary>
    /// A read at a revision this replica has not reached even after a read barrier: 504 with the cause
    /// ResourceVersionTooLarge and a retry hint, which client-go's reflector looks for to retry rather than fail.
    /// </summary>
    public static Status TooLargeResourceVersion(long asked, long current) =>
        Failure(504, "Timeout", $"Too large resource version: {asked}, current: {current}", new StatusDetails
        {
            Causes = [new StatusCause { Reason = "ResourceVersionTooLarge", Message = $"Too large resource version: {asked}, current: {current}" }],
            RetryAfterSeconds = 1,
        });

    public static Status InternalError(string message) => Failure(500, "InternalError", $"Internal error occurred: {message}");

    public static Status NotFoundPath() =>
        Failure(404, "NotFound", "the server could not find the requested resource", new StatusDetails());

    public static Status Failure(int code, string reason, string message, StatusDetails? details = null) =>
        new() { Outcome = "Failure", Code = code, Reason = reason, Message = message, Details = details };

    private static StatusDetails Details(ResourceDescriptor resource, string name) =>
        new() { Name = name, Group = resource.Group.Length == 0 ? null : resource.Group, Kind = resource.Plural };
}
