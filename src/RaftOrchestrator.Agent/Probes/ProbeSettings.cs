using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Probes;

/// <summary>A probe's timing with the API's defaults applied (period 10 s, timeout 1 s, thresholds 1 and 3).</summary>
public sealed record ProbeSettings(TimeSpan InitialDelay, TimeSpan Period, TimeSpan Timeout, int SuccessThreshold, int FailureThreshold)
{
    public static ProbeSettings Of(Probe probe, ProbeKind kind)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return new ProbeSettings(
            TimeSpan.FromSeconds(Math.Max(0, probe.InitialDelaySeconds ?? 0)),
            TimeSpan.FromSeconds(Math.Max(1, probe.PeriodSeconds ?? 10)),
            TimeSpan.FromSeconds(Math.Max(1, probe.TimeoutSeconds ?? 1)),
            // Liveness and startup probes must have a success threshold of 1 (validation enforces it; so do we).
            kind == ProbeKind.Readiness ? Math.Max(1, probe.SuccessThreshold ?? 1) : 1,
            Math.Max(1, probe.FailureThreshold ?? 3));
    }
}
