using RaftOrchestrator.Agent.Probes;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Pods;

/// <summary>
/// postStart and preStop handlers (the kubelet's handlerRunner): exec and httpGet as probes run them, sleep as a
/// wait on the agent's clock; tcpSocket is deprecated for hooks and does nothing, as in the kubelet. Bounded by the
/// time given (the grace period left, for preStop).
/// </summary>
internal sealed class LifecycleHooks(ActionRunner runner, TimeProvider time)
{
    public async Task<ProbeResult> RunAsync(LifecycleHandler handler, ProbeTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (handler.Exec is { } exec)
        {
            return await runner.ExecAsync(exec, target, timeout, cancellationToken);
        }
        if (handler.HttpGet is { } http)
        {
            return await runner.HttpGetAsync(http, target, timeout, cancellationToken);
        }
        if (handler.Sleep is { } sleep)
        {
            TimeSpan wait = TimeSpan.FromSeconds(Math.Max(0, sleep.Seconds));
            await Task.Delay(wait < timeout ? wait : timeout, time, cancellationToken);
            return ProbeResult.Ok;
        }
        return ProbeResult.Ok;
    }
}
