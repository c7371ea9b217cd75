namespace RaftOrchestrator.Server.Hosting;

/// <summary>
/// A replica started in this process by <see cref="ServerHost.StartAsync"/>: its options, its services (the
/// in-process client, the replica slot, the router) and its fatal-error task. Disposing stops it (once).
/// </summary>
public sealed class ServerHandle : IAsyncDisposable
{
    private readonly Func<Task> _stop;
    private Task? _stopped;

    internal ServerHandle(ServerOptions options, IServiceProvider services, Task fatal, Func<Task> stop)
    {
        Options = options;
        Services = services;
        Fatal = fatal;
        _stop = stop;
    }

    public ServerOptions Options { get; }

    public IServiceProvider Services { get; }

    /// <summary>Faults when the replica fails for good (RunAsync exits with 1 then).</summary>
    public Task Fatal { get; }

    public async ValueTask DisposeAsync()
    {
        await (_stopped ??= _stop());
    }
}
