namespace RaftOrchestrator.Testing;

/// <summary>Which part of an object an update writes: all of it but the status (main), or only the status.</summary>
internal enum UpdateMode
{
    Main = 0,
    Status,
}
