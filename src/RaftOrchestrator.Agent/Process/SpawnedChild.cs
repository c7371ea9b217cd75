namespace RaftOrchestrator.Agent.Process;

/// <summary>
/// A child just spawned: its pid (also its session and process group id), a pidfd for its exit, and the read ends
/// of its stdout and stderr pipes. The owner closes the three descriptors and reaps the pid.
/// </summary>
internal readonly record struct SpawnedChild(int Pid, int PidFd, int StdoutFd, int StderrFd);
