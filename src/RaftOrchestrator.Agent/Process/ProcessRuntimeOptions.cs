using RaftOrchestrator.Agent.Logs;

namespace RaftOrchestrator.Agent.Process;

/// <summary>Settings of the process runtime.</summary>
/// <param name="RootDirectory">
/// Each sandbox gets a directory here (<c>&lt;root&gt;/&lt;sandbox id&gt;</c>); a container without a working directory
/// runs in <c>&lt;sandbox dir&gt;/&lt;container name&gt;</c>, which its restarts share (as Nomad's task directory).
/// </param>
public sealed record ProcessRuntimeOptions(string RootDirectory)
{
    /// <summary>Every sandbox's IP: process containers share the host's network.</summary>
    public string HostIp { get; init; } = "127.0.0.1";

    /// <summary>Longer output lines are split into partial log records (containerd's default is the same).</summary>
    public int MaxLogLineBytes { get; init; } = CriLogWriter.DefaultMaxLineBytes;

    /// <summary>An exec keeps this much of each of stdout and stderr; the rest is read and dropped.</summary>
    public int MaxExecOutputBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// After a main process exits (and its group is killed), how long its pipes are still read: only a process that
    /// left the group can hold them open longer, and it must not keep the container from being reported exited.
    /// </summary>
    public TimeSpan OutputDrainTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
