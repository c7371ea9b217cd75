namespace RaftOrchestrator.BenchHarness;

/// <summary>Progress lines on stderr, stamped with the local time (stdout carries only the results).</summary>
public static class BenchLog
{
    public static void Progress(string message) =>
        Console.Error.WriteLine($"[{TimeProvider.System.GetLocalNow():HH:mm:ss}] {message}");
}
