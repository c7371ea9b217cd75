namespace RaftOrchestrator.ApiBench;

/// <summary>The outcome of one API call: the decoded object, or why there is none (a status code and its body, or a transport error).</summary>
internal readonly record struct Reply<T>(T? Value, string? Error) where T : class
{
    public bool Ok => Error is null;

    public static Reply<T> Success(T value) => new(value, null);

    public static Reply<T> Failure(string error) => new(null, error);
}
