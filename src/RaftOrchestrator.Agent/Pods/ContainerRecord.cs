using RaftOrchestrator.Agent.Probes;
using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Agent.Statuses;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Pods;

/// <summary>
/// What a pod worker keeps of one container across its attempts. <see cref="Current"/> is the latest attempt
/// (created, running or exited) as the runtime last reported it; when a new attempt is made the exited one becomes
/// <see cref="Previous"/> (lastState, and the logs of `--previous`), and the one before it is removed from the runtime:
/// at most one dead attempt is kept per container, as the kubelet's garbage collector does by default.
/// </summary>
/// <remarks>Owned by its pod worker's loop: no locking. <see cref="Probes"/> is thread-safe on its own.</remarks>
internal sealed class ContainerRecord(Container spec, bool isInit, CrashLoopBackoff backoff)
{
    public Container Spec { get; } = spec;

    public bool IsInit { get; } = isInit;

    public string Name => Spec.Name;

    public CrashLoopBackoff Backoff { get; } = backoff;

    public ContainerStatusInfo? Current { get; set; }

    public ContainerStatusInfo? Previous { get; set; }

    /// <summary>Attempts created so far; the restartCount is one less.</summary>
    public int Created { get; set; }

    /// <summary>Why the agent holds the container in Waiting (CrashLoopBackOff, CreateContainerConfigError, ...).</summary>
    public string? WaitingReason { get; set; }

    public string? WaitingMessage { get; set; }

    /// <summary>When a held container is tried again.</summary>
    public DateTimeOffset? RetryAt { get; set; }

    /// <summary>The current attempt was killed by a failed liveness or startup probe (so OnFailure restarts it whatever its exit code).</summary>
    public bool KilledByProbe { get; set; }

    /// <summary>The probes of the current attempt while it runs.</summary>
    public ContainerProbes? Probes { get; set; }

    public int RestartCount => Math.Max(0, Created - 1);

    public bool Succeeded => Current is { State: ContainerRunState.Exited, ExitCode: 0 } && WaitingReason is null;

    public bool IsRunning => Current is { State: ContainerRunState.Running };

    public void Hold(string reason, string? message, DateTimeOffset? retryAt)
    {
        WaitingReason = reason;
        WaitingMessage = message;
        RetryAt = retryAt;
    }

    public void Release()
    {
        WaitingReason = null;
        WaitingMessage = null;
        RetryAt = null;
    }

    public ContainerView View(bool terminal)
    {
        bool running = IsRunning && WaitingReason is null;
        bool started = running && (Probes?.Started ?? true);
        bool ready = IsInit ? Succeeded : started && !terminal && (Probes?.Ready ?? true);
        return new ContainerView(Spec, Current, Previous, RestartCount, WaitingReason, WaitingMessage, started, ready);
    }
}
