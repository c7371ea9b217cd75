namespace RaftOrchestrator.Agent.Logs;

/// <summary>Which output of a container a log record came from (the CRI log format's second field).</summary>
public enum LogStreamType
{
    Stdout,
    Stderr,
}
