namespace RaftOrchestrator.Agent.Probes;

/// <summary>One probe or hook action's outcome; <see cref="Message"/> says why it failed (for the Unhealthy event).</summary>
public readonly record struct ProbeResult(bool Success, string Message)
{
    public static ProbeResult Ok { get; } = new(true, "");

    public static ProbeResult Fail(string message) => new(false, message);
}
