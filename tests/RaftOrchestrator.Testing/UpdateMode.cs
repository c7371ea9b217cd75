namespace RaftOrchestrator.Testing;

/// <summary>
/// Which part of an object an update writes: all of it but the status (main), only the status, or only a
/// namespace's spec.finalizers (namespaces/finalize).
/// </summary>
internal enum UpdateMode
{
    Main = 0,
    Status,
    Finalize,
}
