namespace RaftOrchestrator.Integration.Tests.Harness;

internal sealed record KubectlResult(int ExitCode, string Output, string Error);
