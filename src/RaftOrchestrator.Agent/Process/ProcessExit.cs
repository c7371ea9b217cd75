namespace RaftOrchestrator.Agent.Process;

/// <summary>How a child ended: its exit status, or the signal that killed it, or neither when the status was lost.</summary>
internal readonly record struct ProcessExit(int? Status, int? Signal, DateTimeOffset At)
{
    /// <summary>The exit code as the kubelet reports it: the status, or 128 + the signal (SIGKILL: 137, SIGTERM: 143).</summary>
    public int? ExitCode => Signal is int signal ? 128 + signal : Status;

    public bool IsLost => Status is null && Signal is null;

    /// <summary>Decodes a waitpid status (WIFEXITED / WTERMSIG; no stop reports are asked for).</summary>
    public static ProcessExit FromWaitStatus(int status, DateTimeOffset at) =>
        (status & 0x7f) == 0 ? new ProcessExit((status >> 8) & 0xff, null, at) : new ProcessExit(null, status & 0x7f, at);

    /// <summary>Another waiter reaped the child first (only if the agent inherited SIGCHLD ignored): no status to report.</summary>
    public static ProcessExit Lost(DateTimeOffset at) => new(null, null, at);
}
