using System.Diagnostics.CodeAnalysis;

namespace RaftOrchestrator.Agent.Runtime;

/// <summary>What a runtime call answered: success, or an expected failure with its code and message.</summary>
public readonly record struct RuntimeResult(RuntimeError? Error)
{
    public static RuntimeResult Ok => default;

    public bool IsOk => Error is null;

    public static RuntimeResult Fail(RuntimeErrorCode code, string message) => new(new RuntimeError(code, message));
}

/// <summary>A runtime answer with a value on success.</summary>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "RuntimeResult<T>.Ok(v) / .Fail(code, message) read as the outcome they make; the type argument is always explicit.")]
public readonly record struct RuntimeResult<T>(T? Value, RuntimeError? Error)
{
    public bool IsOk => Error is null;

    public static RuntimeResult<T> Ok(T value) => new(value, null);

    public static RuntimeResult<T> Fail(RuntimeErrorCode code, string message) => new(default, new RuntimeError(code, message));
}
