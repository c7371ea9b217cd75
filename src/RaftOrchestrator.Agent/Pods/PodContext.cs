using Microsoft.Extensions.Logging;
using RaftOrchestrator.Agent.Env;
using RaftOrchestrator.Agent.Probes;
using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Agent.Statuses;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Events;

namespace RaftOrchestrator.Agent.Pods;

/// <summary>What every pod worker of one node shares: the runtime, the cluster-facing services, the clock and settings.</summary>
internal sealed class PodContext
{
    public required NodeAgentOptions Options { get; init; }

    public required IContainerRuntime Runtime { get; init; }

    public required EnvironmentResolver Environment { get; init; }

    public required StatusManager Status { get; init; }

    public required IEventRecorder Events { get; init; }

    public required ActionRunner Actions { get; init; }

    public required TimeProvider Time { get; init; }

    public required ILogger Logger { get; init; }

    /// <summary>The node's InternalIP: status.hostIP, and the pod IP when the sandbox has none (host network).</summary>
    public required string HostIP { get; init; }

    /// <summary>The node's allocatable resources (the downward API's default for unset limits).</summary>
    public required IReadOnlyDictionary<string, Quantity> Allocatable { get; init; }

    public LifecycleHooks Hooks => field ??= new LifecycleHooks(Actions, Time);
}
