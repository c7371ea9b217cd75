namespace RaftOrchestrator.BenchHarness;

/// <summary>
/// A member process ended before it was up. The log tail says why (e.g. an option the server refuses), so a
/// caller may retry with other arguments.
/// </summary>
public sealed class MemberExitedException : InvalidOperationException
{
    public MemberExitedException()
    {
        Member = "";
        LogTail = "";
    }

    public MemberExitedException(string message)
        : base(message)
    {
        Member = "";
        LogTail = "";
    }

    public MemberExitedException(string message, Exception inner)
        : base(message, inner)
    {
        Member = "";
        LogTail = "";
    }

    public MemberExitedException(string member, string waitingFor, string logTail)
        : base($"{member} exited while waiting for {waitingFor}; log tail:\n{logTail}")
    {
        Member = member;
        LogTail = logTail;
    }

    public string Member { get; }

    public string LogTail { get; }
}
