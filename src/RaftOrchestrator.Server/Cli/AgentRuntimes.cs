using System.Diagnostics.CodeAnalysis;
using RaftOrchestrator.Agent.Process;
using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Agent.Sim;

namespace RaftOrchestrator.Server.Cli;

/// <summary>
/// The runtimes `rorch agent --runtime` can run: `process` (real host processes, Agent/Process) and `sim` (no
/// processes, Agent/Sim). A name outside these is refused when the command starts, before it connects.
/// </summary>
internal static class AgentRuntimes
{
    public const string Values = "process or sim";

    /// <summary>Whether this build has the runtime <paramref name="name"/>; the error says why not.</summary>
    public static bool IsAvailable(string name, [NotNullWhen(false)] out string? error)
    {
        if (name is "process" or "sim")
        {
            error = null;
            return true;
        }
        error = $"--runtime is {Values}, not \"{name}\"";
        return false;
    }

    /// <summary>The runtime <paramref name="name"/> (one <see cref="IsAvailable"/> accepted), keeping its state under <paramref name="dataDirectory"/>.</summary>
    public static IContainerRuntime Create(string name, string dataDirectory, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        ArgumentNullException.ThrowIfNull(loggers);
        return name switch
        {
            "process" => new ProcessRuntime(new ProcessRuntimeOptions(Path.Combine(dataDirectory, "containers")), TimeProvider.System),
            "sim" => new SimRuntime(),
            _ => throw new InvalidOperationException(IsAvailable(name, out string? error) ? $"runtime {name}" : error),
        };
    }
}
