namespace RaftOrchestrator.Agent.Process;

/// <summary>
/// A host process to start: <paramref name="Executable"/> as resolved (a path), <paramref name="Argv"/> with argv[0]
/// first, exactly <paramref name="Environment"/> (nothing of the agent's), in <paramref name="WorkingDirectory"/>.
/// </summary>
internal sealed record SpawnRequest(
    string Executable,
    IReadOnlyList<string> Argv,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    string WorkingDirectory);
