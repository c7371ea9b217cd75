using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client;

/// <summary>A failed call surfaced as an exception by <see cref="ApiResult{T}.Unwrap"/>.</summary>
public sealed class ApiException : Exception
{
    public ApiException(Status status)
        : base(status?.Message ?? "the API call failed") => Status = status ?? new Status();

    public ApiException()
        : this(new Status())
    {
    }

    public ApiException(string message)
        : base(message) => Status = new Status { Message = message };

    public ApiException(string message, Exception innerException)
        : base(message, innerException) => Status = new Status { Message = message };

    public Status Status { get; }
}
