using System.Diagnostics.CodeAnalysis;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client;

/// <summary>
/// The outcome of one API call: the value, or the server's Status. Expected failures (404, 409, 410, 422) are values
/// here, never exceptions, so reconcile loops branch on them without unwinding.
/// </summary>
public readonly struct ApiResult<T>
{
    private ApiResult(T? value, Status? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public Status? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsOk => Error is null;

    /// <summary>The HTTP code: 200 for success, else the Status's.</summary>
    public int Code => Error?.Code ?? 200;

    public string? Reason => Error?.Reason;

    public bool IsNotFound => Error?.Code == 404;

    /// <summary>409 with reason Conflict: the object changed since it was read (or a precondition failed).</summary>
    public bool IsConflict => Error is { Code: 409, Reason: "Conflict" };

    /// <summary>409 with reason AlreadyExists: a create of a name that is taken.</summary>
    public bool IsAlreadyExists => Error is { Code: 409, Reason: "AlreadyExists" };

    /// <summary>410 Gone: the resourceVersion asked for is compacted; relist.</summary>
    public bool IsGone => Error?.Code == 410;

    /// <summary>422 Invalid: the server's validation refused the object; retrying the same object cannot help.</summary>
    public bool IsInvalid => Error?.Code == 422;

    /// <summary>Transport failures and overload: retrying later may succeed.</summary>
    public bool IsTransient => Error?.Code is 429 or 500 or 503 or 504;

    internal static ApiResult<T> Create(T? value, Status? error) => new(value, error);

    /// <summary>The same failure, for a call that returns another type.</summary>
    public ApiResult<TOther> As<TOther>() =>
        IsOk ? throw new InvalidOperationException("a successful result has no failure to pass on") : ApiResult.Fail<TOther>(Error);

    /// <summary>The value, or an <see cref="ApiException"/> carrying the Status (for callers with no recovery).</summary>
    public T Unwrap() => IsOk ? Value : throw new ApiException(Error);

    public override string ToString() => IsOk ? $"Ok({Value})" : $"{Error.Code} {Error.Reason}: {Error.Message}";
}

/// <summary>Makes <see cref="ApiResult{T}"/>s.</summary>
public static class ApiResult
{
    public static ApiResult<T> Ok<T>(T value) => ApiResult<T>.Create(value, null);

    public static ApiResult<T> Fail<T>(Status error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ApiResult<T>.Create(default, error);
    }
}
