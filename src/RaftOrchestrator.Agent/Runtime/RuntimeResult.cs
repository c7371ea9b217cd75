namespace RaftOrchestrator.Agent.Runtime;

/// <summary>What a runtime call answered: success, or an expected failure with its code and message.</summary>
public readonly record struct RuntimeResult(RuntimeError? Error)
{
    public static RuntimeResult Ok => default;

    public bool IsOk => Error is null;

    public static RuntimeResult Fail(RuntimeErrorCode code, string message) => new(new RuntimeError(code, message));
}

/// <summary>A runtime answer with a value on success.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "RuntimeResult<T>.Ok(value) reads better than a separate factory class")]
public readonly record struct RuntimeResult<T>(T? Value, RuntimeError? Error)
{
    public bool IsOk => Error is null;

    public static RuntimeResult<T> Ok(T value) => new(value, null);

    public static RuntimeResult<T> Fail(RuntimeErrorCode code, string message) => new(default, new RuntimeError(code, message));
}
