using RaftOrchestrator.Ctl.Etcd;
using RaftOrchestrator.Ctl.Output;

namespace RaftOrchestrator.Ctl.Cli;

/// <summary>What one command invocation works with: console, clock, timeout, and a connection opened on first use.</summary>
internal sealed class CtlContext(CtlConsole console, TimeProvider time, IReadOnlyList<Uri> endpoints, TimeSpan timeout)
    : IDisposable
{
    private EtcdConnection? _connection;

    public CtlConsole Console => console;

    public TimeProvider Time => time;

    public TimeSpan Timeout => timeout;

    public EtcdConnection Connection => _connection ??= new EtcdConnection(endpoints, timeout, time);

    public void Dispose() => _connection?.Dispose();
}
