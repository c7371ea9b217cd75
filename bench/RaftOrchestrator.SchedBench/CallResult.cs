namespace RaftOrchestrator.SchedBench;

/// <summary>The outcome of one API call: its status code and body, or why it failed (a non-2xx reply's code and text, or a transport error with code 0).</summary>
internal readonly record struct CallResult(int Code, string? Error, byte[] Body)
{
    public bool Ok => Error is null;
}
