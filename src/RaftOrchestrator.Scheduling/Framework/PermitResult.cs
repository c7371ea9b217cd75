namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>Success, Wait (for up to <see cref="Timeout"/>) or a rejection status.</summary>
public readonly record struct PermitResult(Status Status, TimeSpan Timeout)
{
    public static PermitResult Allow { get; } = new(Status.Success, TimeSpan.Zero);

    public static PermitResult WaitFor(string plugin, TimeSpan timeout) => new(Status.Wait(plugin), timeout);
}
