using System.Diagnostics.CodeAnalysis;
using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Server.Cli;

/// <summary>
/// The runtimes `rorch agent --runtime` can run. Each is its own helper's work (Agent/Process, Agent/Sim); a build
/// without one says so when the command starts, before it connects, rather than failing later.
/// </summary>
internal static class AgentRuntimes
{
    public const string Values = "process or sim";

    /// <summary>Whether this build has the runtime <paramref name="name"/>; the error says why not.</summary>
    public static bool IsAvailable(string name, [NotNullWhen(false)] out string? error)
    {
        error = name switch
        {
            "process" or "sim" => $"runtime {name} not available in this build",
            _ => $"--runtime is {Values}, not \"{name}\"",
        };
        return false;
    }

    /// <summary>The runtime <paramref name="name"/> (one <see cref="IsAvailable"/> accepted), keeping its state under <paramref name="dataDirectory"/>.</summary>
    public static IContainerRuntime Create(string name, string dataDirectory, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        ArgumentNullException.ThrowIfNull(loggers);
        // Each runtime's arm comes with its helper's branch (ProcessRuntime, the sim runtime); until then none is built.
        _ = IsAvailable(name, out string? error);
        throw new InvalidOperationException(error ?? $"runtime {name} not available in this build");
    }
}
