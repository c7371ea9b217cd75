namespace RaftOrchestrator.Agent.Runtime;

/// <summary>What an exec answered: its exit code and (bounded) output.</summary>
public sealed record ExecResult(int ExitCode, byte[] Stdout, byte[] Stderr);
